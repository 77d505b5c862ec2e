package io.earpiece.console.summary;

import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.plugins.CallEventListener;
import io.earpiece.plugins.CallInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Summarises each call as soon as its last leg ended. The offline engine runs on the call-lifecycle thread, after
 * the call's end is stored, so a clean shutdown (which drains that thread) still summarises the calls it hangs up.
 * A model engine may wait seconds on its server, which would hold up every other call's hang-up on that thread,
 * so its summaries run in order on a thread of their own, which shutdown drains too.
 */
@Component
public class AfterCallSummaries implements CallEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AfterCallSummaries.class);

    private final CallSummaries summaries;
    private final Timer latency;
    private final ExecutorService background;
    private final Duration drain;
    private final SegmentStoreRetry retry;

    public AfterCallSummaries(CallSummaries summaries, MeterRegistry registry, SummaryProperties properties,
                              SegmentStoreRetry retry) {
        this.summaries = summaries;
        this.retry = retry;
        this.latency = Timer.builder("earpiece.summary.store").description("hang-up to stored summary")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.background = summaries.remote() ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "after-call-summary");
            t.setDaemon(true);
            return t;
        }) : null;
        this.drain = properties.llm().timeout().plusSeconds(10);
    }

    @Override
    public void callEnded(CallInfo call) {
        long start = System.nanoTime();
        if (background == null) {
            summarise(call.callId(), start);
            return;
        }
        try {
            background.execute(() -> summarise(call.callId(), start));
        } catch (RejectedExecutionException e) {
            // Shutting down: the lifecycle thread is being drained after this listener closed.
            summarise(call.callId(), start);
        }
    }

    private void summarise(String callId, long start) {
        try {
            // Retried while the database is away: the summary carries the call's export jobs, which must not be lost.
            if (retry.store("summary of call " + callId, () -> summaries.summarise(callId))) {
                long nanos = System.nanoTime() - start;
                latency.record(nanos, TimeUnit.NANOSECONDS);
                log.info("call {} summarised in {} ms", callId, nanos / 1_000_000);
            }
        } catch (RuntimeException e) {
            // The call itself is stored; a failed summary must not disturb the hang-up path.
            log.error("summarising call {} failed", callId, e);
        }
    }

    /** Lets queued model summaries finish (each bounded by the model timeout) before the database goes away. */
    @Override
    public void close() throws InterruptedException {
        if (background == null) {
            return;
        }
        background.shutdown();
        if (!background.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("after-call summaries still queued at shutdown were dropped");
            background.shutdownNow();
        }
    }
}
