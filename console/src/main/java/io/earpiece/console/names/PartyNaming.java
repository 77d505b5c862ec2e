package io.earpiece.console.names;

import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Names a call's parties once its transcript is final: the same {@code callEnded} hand-off the talk figures and
 * the summary take (see {@code CallTalkRecorder}), ordered first so the summary already reads the names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PartyNaming implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(PartyNaming.class);

    private final CallPartyNamer namer;
    private final SegmentStoreRetry retry;

    public PartyNaming(CallPartyNamer namer, SegmentStoreRetry retry) {
        this.namer = namer;
        this.retry = retry;
    }

    @Override
    public void callEnded(CallInfo call) {
        try {
            // retried while the database is away, as the summary is: it would name the parties by role otherwise
            retry.store("party names of call " + call.callId(), () -> namer.name(call.callId()));
        } catch (RuntimeException e) {
            log.error("naming the parties of call {} failed", call.callId(), e);
        }
    }
}
