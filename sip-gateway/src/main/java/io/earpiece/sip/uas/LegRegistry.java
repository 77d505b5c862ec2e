package io.earpiece.sip.uas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legs a gateway is handling, by Call-ID, with the admission limits applied atomically: the gateway's
 * total, and each source address's quota so that one source cannot take every slot.
 */
final class LegRegistry {
    private final Map<String, Leg> legs = new HashMap<>();
    private final Map<String, Integer> bySource = new HashMap<>();
    private final int max;
    private final int maxPerSource;

    /** @param maxPerSource legs one source may hold at once; 0 for no quota of its own */
    LegRegistry(int max, int maxPerSource) {
        this.max = max;
        this.maxPerSource = maxPerSource;
    }

    enum Admission { ADMITTED, FULL, SOURCE_FULL, DUPLICATE }

    synchronized Admission admit(Leg leg) {
        if (legs.containsKey(leg.id)) {
            return Admission.DUPLICATE;
        }
        if (legs.size() >= max) {
            return Admission.FULL;
        }
        if (maxPerSource > 0 && bySource.getOrDefault(leg.source, 0) >= maxPerSource) {
            return Admission.SOURCE_FULL;
        }
        legs.put(leg.id, leg);
        bySource.merge(leg.source, 1, Integer::sum);
        return Admission.ADMITTED;
    }

    synchronized Leg get(String id) {
        return legs.get(id);
    }

    synchronized void remove(Leg leg) {
        if (legs.remove(leg.id, leg)) {
            bySource.computeIfPresent(leg.source, (s, n) -> n > 1 ? n - 1 : null);
        }
    }

    synchronized int size() {
        return legs.size();
    }

    /** Legs this source holds now. */
    synchronized int fromSource(String source) {
        return bySource.getOrDefault(source, 0);
    }

    synchronized List<Leg> snapshot() {
        return new ArrayList<>(legs.values());
    }
}
