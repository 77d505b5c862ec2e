package io.earpiece.stt.streaming;

import io.earpiece.stt.SegmentListener;
import io.earpiece.stt.TranscriptSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands one party's segments to its listener one at a time: finals in index order whatever order their decodes
 * finish in, partials at once unless the final of their index already went out (a partial must never follow it).
 */
final class SegmentStream {

    private static final Logger log = LoggerFactory.getLogger(SegmentStream.class);

    /** Runs after a final reached the listener. */
    interface FinalHook {
        void delivered(TranscriptSegment segment);
    }

    private final SegmentListener listener;
    private final FinalHook hook;
    private final Map<Integer, TranscriptSegment> waiting = new HashMap<>();
    private int nextFinal;

    SegmentStream(SegmentListener listener, FinalHook hook) {
        this.listener = listener;
        this.hook = hook;
    }

    /** Delivers a partial unless its final went out already; false when it was discarded. */
    synchronized boolean partial(TranscriptSegment segment) {
        if (segment.index() < nextFinal || waiting.containsKey(segment.index())) {
            return false;
        }
        hand(segment);
        return true;
    }

    /** Accepts a final; delivers it and any later ones it was holding up. */
    synchronized void complete(TranscriptSegment segment) {
        waiting.put(segment.index(), segment);
        TranscriptSegment next;
        while ((next = waiting.remove(nextFinal)) != null) {
            hand(next);
            nextFinal++;
            hook.delivered(next);
        }
        notifyAll();
    }

    private void hand(TranscriptSegment segment) {
        try {
            listener.onSegment(segment);
        } catch (RuntimeException e) {
            // a failing listener must not stall the segments behind this one
            log.warn("segment listener failed on {}/{} #{}", segment.callId(), segment.party(), segment.index(), e);
        }
    }

    /** Waits until the first {@code count} finals were delivered; false when {@code timeout} ran out first. */
    synchronized boolean awaitFinals(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (nextFinal < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
