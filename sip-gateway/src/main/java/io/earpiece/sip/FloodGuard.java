package io.earpiece.sip;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source token buckets for the requests that cost work (new INVITEs, REGISTERs): a source that floods
 * runs out of tokens and is refused, while every other source keeps its own budget.
 */
public final class FloodGuard {
    private static final int MAX_SOURCES = 100_000;

    private final Clock clock;
    private final double ratePerSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param ratePerSecond tokens a source regains per second; {@code burst} the most it can hold */
    public FloodGuard(Clock clock, double ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }

    /** Takes one token for this source (an IP address), returning false when it has none left. */
    public boolean tryAcquire(String source) {
        long now = clock.millis();
        if (buckets.size() > MAX_SOURCES) {
            evictFull(now);
        }
        Bucket b = buckets.computeIfAbsent(source, k -> new Bucket(burst, now));
        synchronized (b) {
            refill(b, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until this source has a token again, at least 1, for Retry-After. */
    public int retryAfterSeconds() {
        return (int) Math.max(1, Math.ceil(1 / ratePerSecond));
    }

    private void refill(Bucket b, long now) {
        double elapsed = Math.max(0, now - b.lastMillis) / 1000.0;
        b.tokens = Math.min(burst, b.tokens + elapsed * ratePerSecond);
        b.lastMillis = now;
    }

    /** A spoofed-source flood could grow the map without end; full buckets carry no state worth keeping. */
    private void evictFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                refill(b, now);
                if (b.tokens >= burst) {
                    it.remove();
                }
            }
        }
    }
}
