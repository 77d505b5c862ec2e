package io.earpiece.media.leg;

import io.earpiece.media.RtpStats;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.SequenceExtender;

/**
 * RFC 3550 receiver statistics for one leg: packets and bytes accepted, expected-minus-received loss and the
 * interarrival jitter estimate (appendix A.8). Written by the leg's event loop only; read from any thread.
 */
public final class ReceptionStats {

    private final int clockRate;
    private final SequenceExtender extender = new SequenceExtender();
    private long baseSequence = -1;
    /** Expected count of earlier streams (before an SSRC change), so loss accumulates across them. */
    private long expectedBefore;
    private volatile long received;
    private volatile long expected;
    private volatile long dropped;
    private volatile long bytes;
    private double transitPrevious = Double.NaN;
    private volatile double jitterUnits;

    public ReceptionStats(int clockRate) {
        this.clockRate = clockRate;
    }

    /**
     * Counts an accepted packet.
     *
     * @param timed whether the packet's timestamp tracks its sampling instant (audio yes, telephone-event no)
     */
    public void onAccepted(RtpPacket packet, int wireBytes, long arrivalNanos, boolean timed) {
        long ext = extender.extend(packet.sequenceNumber());
        if (baseSequence < 0 || ext < baseSequence) {
            baseSequence = ext;
        }
        received = received + 1;
        bytes = bytes + wireBytes;
        expected = expectedBefore + extender.highest() - baseSequence + 1;
        if (timed) {
            double arrivalUnits = arrivalNanos * (clockRate / 1e9);
            double transit = arrivalUnits - packet.timestamp();
            if (!Double.isNaN(transitPrevious)) {
                double d = transit - transitPrevious;
                // Timestamps wrap at 2^32; fold the difference back into the nearest cycle.
                d = d - Math.rint(d / 4294967296.0) * 4294967296.0;
                jitterUnits = jitterUnits + (Math.abs(d) - jitterUnits) / 16;
            }
            transitPrevious = transit;
        }
    }

    public void onDropped() {
        dropped = dropped + 1;
    }

    /** A new SSRC starts a new sequence space; the old stream's expected count is kept. */
    public void newStream() {
        expectedBefore = expected;
        extender.reset();
        baseSequence = -1;
        transitPrevious = Double.NaN;
    }

    public RtpStats snapshot(String codec) {
        long r = received;
        return new RtpStats(r, Math.max(0, expected - r), dropped, bytes, jitterUnits * 1000 / clockRate, codec);
    }
}
