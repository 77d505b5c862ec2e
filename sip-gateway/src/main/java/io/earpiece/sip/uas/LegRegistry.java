package io.earpiece.sip.uas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The legs a gateway is handling, by Call-ID, with the admission limit applied atomically. */
final class LegRegistry {
    private final Map<String, Leg> legs = new HashMap<>();
    private final int max;

    LegRegistry(int max) {
        this.max = max;
    }

    enum Admission { ADMITTED, FULL, DUPLICATE }

    synchronized Admission admit(Leg leg) {
        if (legs.containsKey(leg.id)) {
            return Admission.DUPLICATE;
        }
        if (legs.size() >= max) {
            return Admission.FULL;
        }
        legs.put(leg.id, leg);
        return Admission.ADMITTED;
    }

    synchronized Leg get(String id) {
        return legs.get(id);
    }

    synchronized void remove(Leg leg) {
        legs.remove(leg.id, leg);
    }

    synchronized int size() {
        return legs.size();
    }

    synchronized List<Leg> snapshot() {
        return new ArrayList<>(legs.values());
    }
}
