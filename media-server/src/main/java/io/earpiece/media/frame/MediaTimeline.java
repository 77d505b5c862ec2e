package io.earpiece.media.frame;

/**
 * Places decoded payloads on a gap-free sample timeline driven by RTP timestamps (32-bit wraparound handled):
 * a timestamp jump becomes silence, an overlap is trimmed, and a jump beyond {@code maxGapSamples} (either way)
 * is treated as a discontinuity that continues the timeline without filling. Not thread-safe.
 */
public final class MediaTimeline {

    /**
     * Where a payload goes.
     *
     * @param silence samples of silence to emit before the payload
     * @param skip    leading payload samples to drop because they overlap audio already emitted
     */
    public record Placement(long silence, int skip) {
    }

    private final int clockRate;
    private final long maxGapSamples;
    private boolean anchored;
    /** Timestamp (unsigned 32-bit) of the sample after the last one placed. */
    private long nextTimestamp;
    /** Samples placed so far, silence included: the media position at {@link #nextTimestamp}. */
    private long position;

    public MediaTimeline(int clockRate, long maxGapSamples) {
        this.clockRate = clockRate;
        this.maxGapSamples = maxGapSamples;
    }

    public Placement place(long timestamp, int samples) {
        if (!anchored) {
            anchored = true;
            nextTimestamp = timestamp;
        }
        long gap = (int) (timestamp - nextTimestamp);
        Placement placement;
        if (gap > maxGapSamples || -gap > maxGapSamples) {
            placement = new Placement(0, 0);
        } else if (gap >= 0) {
            placement = new Placement(gap, 0);
        } else {
            placement = new Placement(0, (int) Math.min(samples, -gap));
        }
        position += placement.silence() + samples - placement.skip();
        if (placement.skip() < samples || gap > 0) {
            nextTimestamp = (timestamp + samples) & 0xFFFF_FFFFL;
        }
        return placement;
    }

    /** The next payload continues the timeline wherever its timestamp lies (used when the SSRC changes). */
    public void reanchor() {
        anchored = false;
    }

    /** Media time of an RTP timestamp relative to the first one placed, in milliseconds (never negative). */
    public long mediaTimeMs(long timestamp) {
        long samples = anchored ? position + (int) (timestamp - nextTimestamp) : position;
        return Math.max(0, samples) * 1000 / clockRate;
    }

    /** Samples placed so far. */
    public long position() {
        return position;
    }
}
