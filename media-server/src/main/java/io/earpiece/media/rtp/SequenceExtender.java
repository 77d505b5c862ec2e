package io.earpiece.media.rtp;

/**
 * Turns 16-bit RTP sequence numbers into monotonic 64-bit ones by tracking wraparound relative to the highest
 * number seen; a packet up to 32767 behind or ahead of that is placed in the nearest cycle.
 */
public final class SequenceExtender {

    // Starting one cycle up keeps packets reordered before the very first one non-negative.
    private static final long FIRST_CYCLE = 1L << 16;

    private long highest = -1;

    /** The extended number of {@code seq}; also advances the highest seen when it is newer. */
    public long extend(int seq) {
        if (highest < 0) {
            highest = FIRST_CYCLE + (seq & 0xFFFF);
            return highest;
        }
        long ext = highest + (short) ((seq & 0xFFFF) - (int) (highest & 0xFFFF));
        if (ext > highest) {
            highest = ext;
        }
        return ext;
    }

    /** The highest extended number seen, or -1 before the first packet. */
    public long highest() {
        return highest;
    }

    public void reset() {
        highest = -1;
    }
}
