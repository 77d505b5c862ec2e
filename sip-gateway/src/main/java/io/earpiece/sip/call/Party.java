package io.earpiece.sip.call;

import java.util.Locale;

/** Which side of a conversation a leg carries, named by the {@code X-Earpiece-Party} header. */
public enum Party {
    REP, CUSTOMER, MIXED;

    /** The lower-case name used in headers, APIs and file names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a header value; a missing header means one mixed party. */
    public static Party fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return MIXED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "rep" -> REP;
            case "customer" -> CUSTOMER;
            case "mixed" -> MIXED;
            default -> throw new IllegalArgumentException("unknown party '" + value + "' (expected rep or customer)");
        };
    }
}
