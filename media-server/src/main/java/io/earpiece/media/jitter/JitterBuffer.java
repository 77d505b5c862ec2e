package io.earpiece.media.jitter;

import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.SequenceExtender;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reorders one RTP stream by sequence number (16-bit wraparound handled). A packet that continues the released
 * sequence goes out at once; packets after a gap wait for it to fill until one of them has been held for the hold
 * delay, after which the missing numbers are reported lost. The stream's first packet is held likewise, so packets
 * reordered at the start still come out in order. Late and duplicate packets are refused. Not thread-safe: one
 * event loop owns it.
 */
public final class JitterBuffer {

    /** What happened to an offered packet. */
    public enum Offer { ACCEPTED, LATE, DUPLICATE }

    /** Receives released packets and lost-sequence reports, in sequence order. */
    public interface Sink {
        void onPacket(RtpPacket packet);

        /** {@code count} sequence numbers starting at {@code firstSeq} (16-bit) never arrived in time. */
        void onLost(int firstSeq, long count);
    }

    private record Held(RtpPacket packet, long arrivalNanos) {
    }

    private final long holdNanos;
    private final int capacity;
    private final SequenceExtender extender = new SequenceExtender();
    private final TreeMap<Long, Held> held = new TreeMap<>();
    /** Extended number of the next packet to release; -1 until the first release fixes the stream start. */
    private long nextExpected = -1;

    /**
     * @param holdNanos how long a packet behind a gap (or the stream's first packet) may wait
     * @param capacity  most packets held at once; beyond it the oldest are released regardless of the delay
     */
    public JitterBuffer(long holdNanos, int capacity) {
        if (holdNanos < 0 || capacity < 1) {
            throw new IllegalArgumentException("holdNanos " + holdNanos + ", capacity " + capacity);
        }
        this.holdNanos = holdNanos;
        this.capacity = capacity;
    }

    public Offer offer(RtpPacket packet, long nowNanos) {
        long ext = extender.extend(packet.sequenceNumber());
        if (nextExpected >= 0 && ext < nextExpected) {
            return Offer.LATE;
        }
        if (held.putIfAbsent(ext, new Held(packet, nowNanos)) != null) {
            return Offer.DUPLICATE;
        }
        return Offer.ACCEPTED;
    }

    /** Releases what is due at {@code nowNanos}: contiguous packets, and packets behind a gap held long enough. */
    public void drain(long nowNanos, Sink sink) {
        while (!held.isEmpty()) {
            Map.Entry<Long, Held> head = held.firstEntry();
            boolean contiguous = head.getKey() == nextExpected;
            boolean waitedEnough = nowNanos - oldestArrival() >= holdNanos;
            if (!contiguous && !waitedEnough && held.size() <= capacity) {
                return;
            }
            release(head, sink);
        }
    }

    /**
     * When {@link #drain} will next release something: {@link Long#MAX_VALUE} when nothing is held,
     * {@link Long#MIN_VALUE} when something is releasable now. Lets the owner sleep until then instead of polling.
     */
    public long nextReleaseNanos() {
        if (held.isEmpty()) {
            return Long.MAX_VALUE;
        }
        if (held.firstKey() == nextExpected || held.size() > capacity) {
            return Long.MIN_VALUE;
        }
        return oldestArrival() + holdNanos;
    }

    /** Releases everything held, in order, reporting the gaps between. */
    public void flush(Sink sink) {
        while (!held.isEmpty()) {
            release(held.firstEntry(), sink);
        }
    }

    /** Forgets the stream (e.g. a new SSRC); callers flush first. */
    public void reset() {
        held.clear();
        extender.reset();
        nextExpected = -1;
    }

    public int size() {
        return held.size();
    }

    /**
     * Any packet that has waited the full delay forces out everything before it, so the hold bounds every
     * packet's latency even when the one behind the gap arrived later than a packet further on.
     */
    private long oldestArrival() {
        long oldest = Long.MAX_VALUE;
        for (Held h : held.values()) {
            oldest = Math.min(oldest, h.arrivalNanos());
        }
        return oldest;
    }

    private void release(Map.Entry<Long, Held> head, Sink sink) {
        long ext = head.getKey();
        held.pollFirstEntry();
        if (nextExpected >= 0 && ext > nextExpected) {
            sink.onLost((int) (nextExpected & 0xFFFF), ext - nextExpected);
        }
        nextExpected = ext + 1;
        sink.onPacket(head.getValue().packet());
    }
}
