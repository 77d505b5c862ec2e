package io.earpiece.assist.llm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Card texts the model already wrote, shared by all calls of an engine and bounded (least recently used goes
 * first). The key is the playbook version, the card, the trigger tag and the triggering words (case and
 * punctuation ignored): the same trigger under the same playbook gets the same card without a second request,
 * and editing the playbook invalidates every entry at once. Thread-safe.
 */
public final class LlmCardCache {
    private final Map<Key, CardText> entries;

    public LlmCardCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CardText> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized Optional<CardText> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(Key key, CardText text) {
        entries.put(key, text);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Builds the key; the words are normalised so that "Too expensive!" and "too expensive" share an entry. */
    public static Key key(String playbookVersion, String cardId, String trigger, String words) {
        String normalised = words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return new Key(playbookVersion, cardId, trigger, normalised);
    }

    /** Cache key; build it with {@link #key}. */
    public record Key(String playbookVersion, String cardId, String trigger, String words) {
    }

    /** A written card's title and body. */
    public record CardText(String title, String body) {
    }
}
