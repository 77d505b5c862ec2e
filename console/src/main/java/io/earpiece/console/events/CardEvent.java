package io.earpiece.console.events;

/**
 * A whisper card for the rep, announced after it was stored; {@code id} is what feedback refers to, and
 * {@code replaces} names the provisional card it confirms (null when none was up).
 */
public record CardEvent(String type, String callId, long id, String cardKey, String title, String body, int priority,
                        int utterance, String trigger, String replaces) implements CallEvent {

    public CardEvent(String callId, long id, String cardKey, String title, String body, int priority, int utterance,
                     String trigger, String replaces) {
        this("card", callId, id, cardKey, title, body, priority, utterance, trigger, replaces);
    }

    @Override
    public String key() {
        return "card/" + id;
    }
}
