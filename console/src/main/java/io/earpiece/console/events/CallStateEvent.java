package io.earpiece.console.events;

/** A call started, gained a party, or ended. */
public record CallStateEvent(String type, String callId, String state, String party) implements CallEvent {

    public CallStateEvent(String callId, String state, String party) {
        this("call", callId, state, party);
    }

    @Override
    public String key() {
        return "call/" + state + "/" + party;
    }
}
