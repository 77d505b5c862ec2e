package io.earpiece.assist.playbook;

/**
 * Thrown when a playbook cannot be read or is inconsistent; the message names the problem in plain words and
 * {@link #field()} says where, so an editor can put the message beside that field.
 */
public class PlaybookException extends RuntimeException {

    private final String field;

    public PlaybookException(String reason) {
        this(null, reason, null);
    }

    public PlaybookException(String reason, Throwable cause) {
        this(null, reason, cause);
    }

    /** @param field where the problem is, as {@code intents[2].exemplars} (null: the playbook as a whole) */
    public PlaybookException(String field, String reason, Throwable cause) {
        super(reason, cause);
        this.field = field;
    }

    /** The path of the field at fault, such as {@code cards[0].cooldown_s}; null when the whole text is at fault. */
    public String field() {
        return field;
    }
}
