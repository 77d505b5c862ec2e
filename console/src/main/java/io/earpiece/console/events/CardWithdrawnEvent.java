package io.earpiece.console.events;

/** The final of a segment did not bear out a provisional card: browsers take it down. */
public record CardWithdrawnEvent(String type, String callId, String key) implements CallEvent {

    public CardWithdrawnEvent(String callId, String provisionalKey) {
        this("card_withdrawn", callId, provisionalKey);
    }

    @Override
    public String key() {
        return "card_withdrawn/" + key;
    }
}
