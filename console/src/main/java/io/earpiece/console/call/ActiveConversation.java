package io.earpiece.console.call;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The legs of one live conversation; guarded by the coordinator's lock. */
final class ActiveConversation {

    final String callId;
    final String conversationId;
    final String from;
    final String to;
    final Instant startedAt;
    private final Set<String> parties = new LinkedHashSet<>();
    private final Set<String> seen = new LinkedHashSet<>();

    ActiveConversation(String callId, String conversationId, String from, String to, Instant startedAt) {
        this.callId = callId;
        this.conversationId = conversationId;
        this.from = from;
        this.to = to;
        this.startedAt = startedAt;
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
