package io.earpiece.assist.llm;

/**
 * Tokens one phone call may still spend on the model. A request reserves its worst case (estimated prompt plus
 * the completion limit) before it is sent and settles to what the server reports afterwards. Thread-safe.
 */
public final class TokenBudget {
    private long remaining;

    public TokenBudget(long tokens) {
        this.remaining = tokens;
    }

    /** Takes {@code tokens} from the budget if it holds that many; false leaves the budget unchanged. */
    public synchronized boolean tryReserve(long tokens) {
        if (tokens > remaining) {
            return false;
        }
        remaining -= tokens;
        return true;
    }

    /** Replaces a reservation by the tokens actually used (more or fewer). */
    public synchronized void settle(long reserved, long used) {
        remaining += reserved - used;
    }

    public synchronized long remaining() {
        return Math.max(0, remaining);
    }
}
