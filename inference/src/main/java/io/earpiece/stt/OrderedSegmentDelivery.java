package io.earpiece.stt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Hands one party's segments to a listener in index order, whatever order their recognitions finish in. */
final class OrderedSegmentDelivery {

    private static final Logger log = LoggerFactory.getLogger(OrderedSegmentDelivery.class);

    private final SegmentListener listener;
    private final Map<Integer, TranscriptSegment> waiting = new HashMap<>();
    private int nextIndex;

    OrderedSegmentDelivery(SegmentListener listener) {
        this.listener = listener;
    }

    /** Accepts a finished segment; delivers it and any later ones it was holding up. */
    synchronized void complete(TranscriptSegment segment) {
        waiting.put(segment.index(), segment);
        TranscriptSegment next;
        while ((next = waiting.remove(nextIndex)) != null) {
            try {
                listener.onSegment(next);
            } catch (RuntimeException e) {
                // a failing listener must not stall the segments behind this one
                log.warn("segment listener failed on {}/{} #{}", next.callId(), next.party(), next.index(), e);
            }
            nextIndex++;
        }
        notifyAll();
    }

    /** Waits until the first {@code count} segments were delivered; false when {@code timeout} ran out first. */
    synchronized boolean awaitDelivered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (nextIndex < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
