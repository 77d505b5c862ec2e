package io.earpiece.media.relay;

import io.earpiece.media.MediaLegListener;
import io.earpiece.media.RtpStats;
import io.earpiece.media.leg.LegPipeline;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one party's {@link LegPipeline} (jitter buffer, decode, frames, recording, DTMF) on a tap executor, apart
 * from the relay's I/O thread. At most {@code backlog} datagrams may wait; beyond that new ones are dropped and
 * counted, so a slow listener costs the tap audio, never the call. The pipeline only ever runs on the executor.
 */
public final class TapFeed implements PartyTap {

    private static final Logger log = LoggerFactory.getLogger(TapFeed.class);

    private final String legId;
    private final LegPipeline pipeline;
    private final MediaLegListener listener;
    private final EventExecutor executor;
    private final int backlog;
    private final long tickNanos;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> drainTimer;
    private volatile boolean closed;

    public TapFeed(String legId, LegPipeline pipeline, MediaLegListener listener, EventExecutor executor,
                   int backlog, Duration tick) {
        this.legId = legId;
        this.pipeline = pipeline;
        this.listener = listener;
        this.executor = executor;
        this.backlog = backlog;
        this.tickNanos = tick.toNanos();
    }

    /** Starts the pipeline's periodic drain on the executor. */
    public void start() {
        executor.execute(() -> {
            if (!closed) {
                ticker = executor.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
            }
        });
    }

    @Override
    public boolean offer(java.net.InetSocketAddress sender, byte[] datagram, long arrivalNanos) {
        if (closed || pending.incrementAndGet() > backlog) {
            pending.decrementAndGet();
            dropped.increment();
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    pipeline.onDatagram(sender, datagram, arrivalNanos);
                    armDrain();
                } catch (RuntimeException e) {
                    log.warn("tap {}: pipeline failed on a datagram", legId, e);
                } finally {
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            dropped.increment();
            return false;
        }
    }

    @Override
    public void formatChanged(RtpFormat format) {
        control(() -> pipeline.updateRemote(null, format.codec(), format.payloadType(),
                format.telephoneEventPt()));
    }

    @Override
    public void mediaTimedOut() {
        control(() -> listener.onMediaTimeout(legId));
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public RtpStats stats() {
        return pipeline.stats();
    }

    /** Processes what is queued, then flushes the pipeline and finishes the recording; completes when done. */
    public Future<?> close() {
        closed = true;
        try {
            return executor.submit(() -> {
                if (ticker != null) {
                    ticker.cancel(false);
                }
                if (drainTimer != null) {
                    drainTimer.cancel(false);
                }
                pipeline.close();
            });
        } catch (RejectedExecutionException e) {
            // The executor is already shutting down with the server; close here so the recording is finished.
            pipeline.close();
            return executor.newSucceededFuture(null);
        }
    }

    private void control(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("tap {}: control task failed", legId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("tap {}: executor gone, {} not run", legId, task);
        }
    }

    private void tick() {
        try {
            pipeline.tick();
            armDrain();
        } catch (RuntimeException e) {
            log.warn("tap {}: tick failed", legId, e);
        }
    }

    private void armDrain() {
        long delay = pipeline.nanosUntilNextRelease();
        if (delay < 0) {
            return;
        }
        if (drainTimer != null && !drainTimer.isDone()) {
            if (drainTimer.getDelay(TimeUnit.NANOSECONDS) <= delay) {
                return;
            }
            drainTimer.cancel(false);
        }
        drainTimer = executor.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
    }
}
