package io.earpiece.console.spool;

/** A spool record that cannot be read back, and why. */
public class SpoolRecordException extends Exception {

    /** Why a record could not be read. */
    public enum Reason {
        /** Fewer bytes than its header or its length says: the append was cut short (a crash mid-write). */
        TRUNCATED,
        /** The length is negative or beyond {@link SpoolRecordCodec#MAX_PAYLOAD}: not a header we wrote. */
        BAD_LENGTH,
        /** The bytes are all there but do not match their checksum. */
        CHECKSUM,
        /** The checksum matches but the payload is not a record this version writes. */
        MALFORMED
    }

    private final Reason reason;

    public SpoolRecordException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
