package io.earpiece.media;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The even UDP ports of [min, max] (RTP takes the even port; the odd one above stays free for RTCP). A released
 * port goes to the back of the queue so a port just freed, or one another process holds, is not retried at once.
 */
final class PortPool {

    private final Deque<Integer> free = new ArrayDeque<>();
    private final int capacity;

    PortPool(int min, int max) {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException("bad RTP port range " + min + "-" + max);
        }
        for (int port = min + (min & 1); port <= max; port += 2) {
            free.addLast(port);
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException("RTP port range " + min + "-" + max + " holds no even port");
        }
        this.capacity = free.size();
    }

    synchronized int acquire() {
        Integer port = free.pollFirst();
        if (port == null) {
            throw new PortsExhaustedException("all " + capacity + " RTP ports are in use");
        }
        return port;
    }

    synchronized void release(int port) {
        free.addLast(port);
    }

    synchronized int available() {
        return free.size();
    }

    int capacity() {
        return capacity;
    }
}
