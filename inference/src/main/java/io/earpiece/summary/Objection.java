package io.earpiece.summary;

/**
 * An objection a customer raised, who raised it ({@code by}: "customer", or a further party such as "customer-2"), and
 * the rep's next utterance after it ({@code response} is null when the rep never spoke again).
 */
public record Objection(int utterance, String kind, String said, String response, String by) {
    /** An objection of the customer. */
    public Objection(int utterance, String kind, String said, String response) {
        this(utterance, kind, said, response, "customer");
    }

    /** Whether the rep answered at all. */
    public boolean answered() {
        return response != null;
    }
}
