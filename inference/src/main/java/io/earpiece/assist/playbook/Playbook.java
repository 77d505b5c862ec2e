package io.earpiece.assist.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A team's playbook: intents with exemplars, background phrases that match no intent, cards per trigger,
 * the disclosure rule and coaching thresholds.
 */
public record Playbook(
        String name,
        List<IntentDefinition> intents,
        List<String> background,
        List<CardTemplate> cards,
        DisclosurePolicy disclosure,
        CoachingPolicy coaching) {
    // Sorted keys make the hash depend on content only, not on YAML layout, comments or key order.
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    public Playbook {
        intents = intents == null ? List.of() : List.copyOf(intents);
        background = background == null ? List.of() : List.copyOf(background);
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    /**
     * Content hash (first 16 hex digits of SHA-256 over the canonical JSON form): equal for equal content however
     * it was written, different after any edit. LLM card caches are keyed by it. Computed on each call.
     */
    public String version() {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(this);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new PlaybookException("cannot hash playbook: " + e.getMessage(), e);
        }
    }
}
