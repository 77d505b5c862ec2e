package io.earpiece.console.events;

/**
 * A transcript segment: a final ({@code segment}, announced after it was stored), a {@code partial} that a later
 * event with the same party and index replaces, or {@code retracted} when the partials came to nothing.
 */
public record SegmentEvent(String type, String callId, String party, int index, long startMs, long endMs, String text,
                           boolean isFinal) implements CallEvent {

    public SegmentEvent(String callId, String party, int index, long startMs, long endMs, String text, boolean isFinal) {
        this(!isFinal ? "partial" : text.isBlank() ? "retracted" : "segment", callId, party, index, startMs, endMs, text,
                isFinal);
    }

    /** Partials of one segment replace each other, so only finals are de-duplicated by position. */
    @Override
    public String key() {
        return isFinal ? "segment/" + party + "/" + index : "partial/" + party + "/" + index + "/" + text;
    }
}
