package io.earpiece.sip.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link BindingStore} in memory; expired bindings are dropped when their user is looked up. */
public final class InMemoryBindingStore implements BindingStore {
    private final Map<String, Map<String, Binding>> byUser = new LinkedHashMap<>();

    @Override
    public synchronized List<Binding> find(String user, Instant now) {
        Map<String, Binding> m = byUser.get(user);
        if (m == null) {
            return List.of();
        }
        m.values().removeIf(b -> !b.expires().isAfter(now));
        if (m.isEmpty()) {
            byUser.remove(user);
        }
        return new ArrayList<>(m.values());
    }

    @Override
    public synchronized void save(Binding binding) {
        byUser.computeIfAbsent(binding.user(), k -> new LinkedHashMap<>()).put(binding.contact(), binding);
    }

    @Override
    public synchronized void remove(String user, String contact) {
        Map<String, Binding> m = byUser.get(user);
        if (m != null) {
            m.remove(contact);
        }
    }

    @Override
    public synchronized void removeAll(String user) {
        byUser.remove(user);
    }

    @Override
    public synchronized int removeFlow(String source) {
        int removed = 0;
        for (Map<String, Binding> m : byUser.values()) {
            int before = m.size();
            m.values().removeIf(b -> b.flow() != null && b.source().equals(source));
            removed += before - m.size();
        }
        byUser.values().removeIf(Map::isEmpty);
        return removed;
    }
}
