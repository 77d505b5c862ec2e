package io.earpiece.assist;

/**
 * A card shown to the rep, raised by the utterance at index {@code utterance} because of {@code trigger}.
 *
 * @param source where the body comes from: {@link #PLAYBOOK}, {@link #LLM}, or for a knowledge answer the cited
 *               document's source (URL or path), its title being the card title
 */
public record Card(String id, String title, String body, int priority, int utterance, String trigger,
                   String source) {
    /** Body written in the team's playbook (or by a built-in rule). */
    public static final String PLAYBOOK = "playbook";
    /** Body written by the configured language model. */
    public static final String LLM = "llm";

    /** A playbook card, as before sources existed. */
    public Card(String id, String title, String body, int priority, int utterance, String trigger) {
        this(id, title, body, priority, utterance, trigger, PLAYBOOK);
    }

    /** The same card with another title, body and source (an LLM rewrite keeps id, priority and trigger). */
    public Card rewritten(String newTitle, String newBody, String newSource) {
        return new Card(id, newTitle, newBody, priority, utterance, trigger, newSource);
    }
}
