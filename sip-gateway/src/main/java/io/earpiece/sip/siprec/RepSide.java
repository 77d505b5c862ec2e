package io.earpiece.sip.siprec;

import java.util.Locale;

/**
 * Which participant of a recorded call is the rep when none of them is an Earpiece user
 * ({@code earpiece.siprec.rep-side}).
 */
public enum RepSide {
    /** The caller is the rep (outbound sales). */
    CALLER,
    /** The callee is the rep (inbound support: customers call in). The default. */
    CALLEE,
    /** Only a participant that is an Earpiece SIP user or extension is a rep; sessions with none are declined. */
    MATCH;

    public static RepSide parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
            case "caller" -> CALLER;
            case "callee" -> CALLEE;
            case "match" -> MATCH;
            default -> throw new IllegalArgumentException("earpiece.siprec.rep-side must be caller, callee or match, not '"
                    + s + "'");
        };
    }
}
