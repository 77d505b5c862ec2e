package io.earpiece.media.relay;

/**
 * Maps RTP timestamps of one stream from one clock rate to another (Opus 48 kHz to G.711 8 kHz and back) so the
 * output advances exactly as the input does; 32-bit wraparound on either side is handled. The first timestamp of a
 * stream (and of each new SSRC) maps to itself. Identity when the rates are equal. Not thread-safe.
 */
public final class TimestampMapper {

    private static final long U32 = 0xFFFF_FFFFL;
    /** Re-anchor long before the signed 32-bit distance to the anchor could overflow. */
    private static final long REANCHOR = 1L << 30;

    private final int inRate;
    private final int outRate;
    private boolean anchored;
    private long ssrc;
    private long inAnchor;
    private long outAnchor;

    public TimestampMapper(int inRate, int outRate) {
        this.inRate = inRate;
        this.outRate = outRate;
    }

    public boolean identity() {
        return inRate == outRate;
    }

    public long map(long timestamp, long streamSsrc) {
        if (identity()) {
            return timestamp;
        }
        if (!anchored || streamSsrc != ssrc) {
            anchored = true;
            ssrc = streamSsrc;
            inAnchor = timestamp;
            outAnchor = timestamp;
        }
        long delta = (int) (timestamp - inAnchor);
        if (delta > REANCHOR) {
            // Move the anchor by a whole number of seconds of input so the mapping stays exact.
            long step = delta - delta % inRate;
            inAnchor = (inAnchor + step) & U32;
            outAnchor = (outAnchor + step / inRate * outRate) & U32;
            delta -= step;
        }
        return (outAnchor + Math.floorDiv(delta * outRate, inRate)) & U32;
    }

    /** Scales a duration in input units (e.g. an RFC 4733 event duration). */
    public long scale(long duration) {
        return identity() ? duration : duration * outRate / inRate;
    }
}
