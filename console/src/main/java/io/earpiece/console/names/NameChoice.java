package io.earpiece.console.names;

import io.earpiece.db.upload.NameSource;
import io.earpiece.names.ProposedName;

/**
 * The name one party goes by, by precedence: the rep's account name (for the rep), the recording client's name for
 * the party, a name said in the call when the finder is sure enough, else the party's label. A name a user gave is
 * never chosen over: the caller leaves such a party alone.
 *
 * @param name       the name
 * @param source     where it came from
 * @param confidence the name finder's confidence, for a name said in the call; null otherwise
 */
public record NameChoice(String name, NameSource source, Double confidence) {

    /** What recording clients put where they know no name ("Rep", "Caller"): no better than the label. */
    private static final java.util.Set<String> ROLE_WORDS = java.util.Set.of("rep", "agent", "customer", "caller",
            "callee", "unknown", "anonymous", "participant");

    /**
     * @param label         the party's label, its name when nothing better is known
     * @param accountName   the rep's display name when the party is the rep's own stream; null otherwise
     * @param recordingName the name the recording client gave the party; null when none
     * @param said          what the call's words propose for the party; null when nothing
     * @param minConfidence how sure the finder must be
     */
    public static NameChoice of(String label, String accountName, String recordingName, ProposedName said,
                                double minConfidence) {
        if (present(accountName)) {
            return new NameChoice(accountName.strip(), NameSource.ACCOUNT, null);
        }
        if (present(recordingName) && !ROLE_WORDS.contains(recordingName.strip().toLowerCase(java.util.Locale.ROOT))) {
            return new NameChoice(recordingName.strip(), NameSource.RECORDING, null);
        }
        if (said != null && said.confident(minConfidence)) {
            return new NameChoice(said.name(), NameSource.CALL, said.confidence());
        }
        return new NameChoice(label, NameSource.ROLE, null);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
