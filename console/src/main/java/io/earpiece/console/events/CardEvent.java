package io.earpiece.console.events;

/** A whisper card for the rep, announced after it was stored; {@code id} is what feedback refers to. */
public record CardEvent(String type, String callId, long id, String cardKey, String title, String body, int priority,
                        int utterance, String trigger) implements CallEvent {

    public CardEvent(String callId, long id, String cardKey, String title, String body, int priority, int utterance,
                     String trigger) {
        this("card", callId, id, cardKey, title, body, priority, utterance, trigger);
    }

    @Override
    public String key() {
        return "card/" + id;
    }
}
