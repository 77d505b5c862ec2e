package io.earpiece.plugins.log;

import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Built-in listener that logs one line per finished call. */
public class CallSummaryLogListener implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(CallSummaryLogListener.class);

    @Override
    public void callEnded(CallInfo call) {
        log.info(format(call));
    }

    /** The one-line summary; separate so tests can check it without a log appender. */
    public static String format(CallInfo call) {
        return String.format("call %s ended: from=%s to=%s duration=%.1fs parties=%s segments=%d reason=%s",
                call.callId(), call.from(), call.to(),
                call.durationMs() == null ? 0.0 : call.durationMs() / 1000.0,
                String.join(",", call.parties()), call.segments(), call.endReason());
    }
}
