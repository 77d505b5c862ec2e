package io.earpiece.sip.sdp;

import java.util.Locale;

/**
 * Whether a leg's media is encrypted (SRTP keyed with SDES, RFC 4568), set per trunk, per SIP user and for bot legs.
 * OFF: clear RTP only (an RTP/SAVP offer gets 488); OPTIONAL: SRTP when the peer offers a suite Earpiece speaks,
 * clear RTP otherwise; MANDATORY: SRTP only (a clear offer gets 488).
 */
public enum SrtpPolicy {
    OFF, OPTIONAL, MANDATORY;

    /** Parses {@code off}, {@code optional} or {@code mandatory} in any case; anything else is refused. */
    public static SrtpPolicy parse(String text) {
        if (text != null) {
            for (SrtpPolicy p : values()) {
                if (p.name().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("srtp must be off, optional or mandatory, not '" + text + "'");
    }

    /** The lower-case name used in settings and the admin API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
