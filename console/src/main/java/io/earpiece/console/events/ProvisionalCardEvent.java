package io.earpiece.console.events;

/**
 * A whisper card raised on the committed words of a segment still being spoken. It is not stored: the segment's
 * final either confirms it (a {@link CardEvent} whose {@code replaces} is this {@code key}) or withdraws it (a
 * {@link CardWithdrawnEvent}).
 */
public record ProvisionalCardEvent(String type, String callId, String key, String cardKey, String title, String body,
                                   int priority, String party, String trigger) implements CallEvent {

    public ProvisionalCardEvent(String callId, String key, String cardKey, String title, String body, int priority,
                                String party, String trigger) {
        this("card_provisional", callId, key, cardKey, title, body, priority, party, trigger);
    }

    @Override
    public String key() {
        return "card_provisional/" + key;
    }
}
