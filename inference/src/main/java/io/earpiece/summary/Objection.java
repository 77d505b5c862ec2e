package io.earpiece.summary;

/**
 * An objection the customer raised and the rep's next utterance after it ({@code response} is null when the rep
 * never spoke again).
 */
public record Objection(int utterance, String kind, String said, String response) {
    /** Whether the rep answered at all. */
    public boolean answered() {
        return response != null;
    }
}
