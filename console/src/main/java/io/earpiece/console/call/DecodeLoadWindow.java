package io.earpiece.console.call;

import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * What the decode workers did over the last few seconds, from the scheduler's own decode samples: how much worker
 * time decoding took (busy fraction) and how long each final waited and decoded (the backlog a rep feels). The live
 * admission reads it; it must be quick because the scheduler calls {@link #onDecode} on a decode worker.
 */
public final class DecodeLoadWindow implements RecognitionMetricsListener {

    /** A final's lag: queued plus decoded, the part of end of speech → final that load can grow. */
    private record Sample(String callId, long endedNanos, boolean isFinal, boolean sheddable, long decodeNanos,
                          long lagNanos) {
    }

    /**
     * The window's figures.
     *
     * @param busyWorkerNanos     worker time spent decoding inside the window (all priorities)
     * @param essentialWorkerNanos the part of it spent on finals and speculative finals: the work a call needs
     *                            whatever the load, since partials fill idle workers and are dropped first when
     *                            they are busy (so one call alone costs more than each of ten)
     * @param finals              finals decoded inside the window
     * @param finalLagP95Nanos    95th percentile of the finals' wait plus decode (0 without finals)
     */
    public record Snapshot(long busyWorkerNanos, long essentialWorkerNanos, int finals, long finalLagP95Nanos) {
    }

    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    public DecodeLoadWindow(long windowNanos, LongSupplier nanoClock) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowNanos);
        }
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    public long windowNanos() {
        return windowNanos;
    }

    @Override
    public synchronized void onDecode(DecodeSample sample) {
        if (sample.priority() == Priority.BACKGROUND) {
            return; // after-call work yields to the live decodes: it is not what the live calls cost
        }
        long now = nanoClock.getAsLong();
        long decode = (long) (sample.decodeMs() * 1e6);
        long lag = decode + (long) (sample.queuedMs() * 1e6);
        samples.addLast(new Sample(sample.callId(), now, sample.priority() == Priority.FINAL, sample.priority() == Priority.PARTIAL,
                decode, lag));
        expire(now);
    }

    public synchronized Snapshot snapshot() {
        long now = nanoClock.getAsLong();
        expire(now);
        long from = now - windowNanos;
        long busy = 0;
        long essential = 0;
        long[] lags = new long[samples.size()];
        int finals = 0;
        for (Sample s : samples) {
            // only the part of a decode inside the window counts as busy
            long inside = s.endedNanos() - Math.max(s.endedNanos() - s.decodeNanos(), from);
            busy += inside;
            if (!s.sheddable()) {
                essential += inside;
            }
            if (s.isFinal()) {
                lags[finals++] = s.lagNanos();
            }
        }
        long p95 = 0;
        if (finals > 0) {
            Arrays.sort(lags, 0, finals);
            p95 = lags[Math.min(finals - 1, (int) Math.ceil(0.95 * finals) - 1)];
        }
        return new Snapshot(busy, essential, finals, p95);
    }

    /**
     * Whether a final or speculative final of {@code callId} was decoded at or after {@code sinceNanos} (and is still
     * inside the window): the call's cost has begun to show in the figures.
     */
    public synchronized boolean essentialDecodeSince(String callId, long sinceNanos) {
        for (Iterator<Sample> it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (s.endedNanos() < sinceNanos) {
                return false; // in order of their ends
            }
            if (!s.sheddable() && callId.equals(s.callId())) {
                return true;
            }
        }
        return false;
    }

    private void expire(long now) {
        long from = now - windowNanos;
        for (Iterator<Sample> it = samples.iterator(); it.hasNext(); ) {
            if (it.next().endedNanos() <= from) {
                it.remove();
            } else {
                break; // in order of their ends
            }
        }
    }
}
