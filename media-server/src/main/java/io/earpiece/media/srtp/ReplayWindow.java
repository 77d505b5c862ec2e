package io.earpiece.media.srtp;

/**
 * The receiver's replay list of RFC 3711 section 3.3.2: a sliding window of the last {@value #SIZE} packet indices
 * below the highest authenticated one. {@link #check} is asked before authentication, {@link #accept} only after,
 * so a forged packet can never move the window.
 */
final class ReplayWindow {

    /** RFC 3711 asks for at least 64. */
    static final int SIZE = 64;

    private long highest = -1;
    private long seen;

    /** True when {@code index} is newer than the window or inside it and not yet seen. */
    boolean check(long index) {
        if (highest < 0 || index > highest) {
            return true;
        }
        long behind = highest - index;
        return behind < SIZE && (seen & (1L << behind)) == 0;
    }

    /** Records an authenticated {@code index}. */
    void accept(long index) {
        if (highest < 0) {
            highest = index;
            seen = 1;
            return;
        }
        if (index > highest) {
            long shift = index - highest;
            seen = shift >= SIZE ? 1 : (seen << shift) | 1;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }
}
