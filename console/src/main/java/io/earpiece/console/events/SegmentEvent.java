package io.earpiece.console.events;

/** A final transcript segment, announced after it was stored. */
public record SegmentEvent(String type, String callId, String party, int index, long startMs, long endMs, String text)
        implements CallEvent {

    public SegmentEvent(String callId, String party, int index, long startMs, long endMs, String text) {
        this("segment", callId, party, index, startMs, endMs, text);
    }

    @Override
    public String key() {
        return "segment/" + party + "/" + index;
    }
}
