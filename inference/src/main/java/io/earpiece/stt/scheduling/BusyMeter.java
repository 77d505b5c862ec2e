package io.earpiece.stt.scheduling;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How busy a pool of workers was over the last few seconds: decode time (finished and still running) divided by
 * the window times the workers. Not thread-safe; the scheduler calls it under its own lock.
 */
final class BusyMeter {

    private record Interval(long start, long end) {
    }

    private final long windowNanos;
    private final int workers;
    private final ArrayDeque<Interval> finished = new ArrayDeque<>();
    private final Map<Long, Long> running = new HashMap<>();
    private long nextToken;

    BusyMeter(long windowNanos, int workers) {
        if (windowNanos <= 0 || workers < 1) {
            throw new IllegalArgumentException("window and workers must be positive: " + windowNanos + ", " + workers);
        }
        this.windowNanos = windowNanos;
        this.workers = workers;
    }

    /** A decode starts; the token ends it. */
    long started(long nowNanos) {
        long token = nextToken++;
        running.put(token, nowNanos);
        return token;
    }

    void ended(long token, long nowNanos) {
        Long start = running.remove(token);
        if (start != null) {
            finished.addLast(new Interval(start, nowNanos));
        }
    }

    /** Busy fraction of the workers over the window that ends now, 0..1. */
    double utilization(long nowNanos) {
        long from = nowNanos - windowNanos;
        for (Iterator<Interval> it = finished.iterator(); it.hasNext(); ) {
            if (it.next().end() <= from) {
                it.remove();
            } else {
                break; // ends are in order: the rest are inside the window
            }
        }
        long busy = 0;
        for (Interval i : finished) {
            busy += i.end() - Math.max(i.start(), from);
        }
        for (long start : running.values()) {
            busy += nowNanos - Math.max(start, from);
        }
        return Math.min(1.0, (double) busy / ((double) windowNanos * workers));
    }
}
