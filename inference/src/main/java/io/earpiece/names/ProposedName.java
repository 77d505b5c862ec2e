package io.earpiece.names;

/**
 * The name a call's words give one party: the name (capitalised), how often the party named themselves
 * ({@code selfIntroductions}) and how often another party called them by it at the start of a turn
 * ({@code addressed}), and a confidence in [0, 1] that grows with the evidence and shrinks where the call also
 * gave the party other names.
 */
public record ProposedName(String name, int selfIntroductions, int addressed, double confidence) {

    public ProposedName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a proposed name must not be blank");
        }
        if (selfIntroductions < 0 || addressed < 0 || selfIntroductions + addressed == 0) {
            throw new IllegalArgumentException("a proposed name needs evidence, got " + selfIntroductions
                    + " introductions and " + addressed + " addresses");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** Whether it is sure enough to name the party by, at {@code minConfidence}. */
    public boolean confident(double minConfidence) {
        return confidence >= minConfidence;
    }
}
