package io.earpiece.console.summary;

import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Summarises each call as soon as its last leg ended. It runs on the call-lifecycle thread, after the call's
 * end is stored, so a clean shutdown (which drains that thread) still summarises the calls it hangs up.
 */
@Component
public class AfterCallSummaries implements CallEventListener {

    private static final Logger log = LoggerFactory.getLogger(AfterCallSummaries.class);

    private final CallSummaries summaries;
    private final Timer latency;

    public AfterCallSummaries(CallSummaries summaries, MeterRegistry registry) {
        this.summaries = summaries;
        this.latency = Timer.builder("earpiece.summary.store").description("hang-up to stored summary")
                .publishPercentiles(0.5, 0.95).register(registry);
    }

    @Override
    public void callEnded(CallInfo call) {
        long start = System.nanoTime();
        try {
            if (summaries.summarise(call.callId())) {
                long nanos = System.nanoTime() - start;
                latency.record(nanos, TimeUnit.NANOSECONDS);
                log.info("call {} summarised in {} ms", call.callId(), nanos / 1_000_000);
            }
        } catch (RuntimeException e) {
            // The call itself is stored; a failed summary must not disturb the hang-up path.
            log.error("summarising call {} failed", call.callId(), e);
        }
    }
}
