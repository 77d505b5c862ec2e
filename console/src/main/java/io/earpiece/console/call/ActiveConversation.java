package io.earpiece.console.call;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The legs of one live conversation; guarded by the coordinator's lock. */
final class ActiveConversation {

    final String callId;
    final String conversationId;
    final String from;
    final String to;
    final Instant startedAt;
    /** Transcribed as it is spoken; false when the server was at capacity and it is transcribed after hang-up. */
    final boolean live;
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final CountDownLatch stored = new CountDownLatch(1);
    private final AtomicBoolean storing = new AtomicBoolean();

    ActiveConversation(String callId, String conversationId, String from, String to, Instant startedAt,
                       boolean live) {
        this.live = live;
        this.callId = callId;
        this.conversationId = conversationId;
        this.from = from;
        this.to = to;
        this.startedAt = startedAt;
    }

    /** True for the one leg that must store the call row; it must call {@link #stored()} when done. */
    boolean markStored() {
        return storing.compareAndSet(false, true);
    }

    void stored() {
        stored.countDown();
    }

    /** Other legs of the conversation wait here so their rows never precede the call's row. */
    void awaitStored() {
        try {
            if (!stored.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("call " + callId + " was not stored in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reserves the party; false if a live leg already carries it. */
    boolean join(String party) {
        seen.add(party);
        return parties.add(party);
    }

    /** Releases the party; true when no leg is left. */
    boolean leave(String party) {
        parties.remove(party);
        return parties.isEmpty();
    }

    List<String> partiesSeen() {
        return List.copyOf(seen);
    }
}
