package io.earpiece.sip.b2bua;

/**
 * Where an inbound call goes when none of the rep's devices takes it (all busy or declined, none answering in time,
 * none registered): another rep's devices, a SIP URI reached directly (a voicemail server, a PBX queue), or a
 * number dialled out through the trunk (a call-centre queue's number). Tried once: its own failure is the caller's.
 */
public sealed interface RingFallback {

    /** Another rep: every device they have registered rings, as for the first rep. */
    record Rep(String user) implements RingFallback {
    }

    /** A SIP URI reached over UDP without authentication, like a rep's phone (voicemail, queue on a PBX). */
    record Uri(String uri) implements RingFallback {
    }

    /** A number called through the trunk, with the trunk's credentials. */
    record Number(String number) implements RingFallback {
    }

    /**
     * Reads a fallback as configured: {@code rep:bob}, {@code sip:voicemail@pbx.example.com}, or a number
     * ({@code +4930123}, {@code 5000}). Anything else is refused with the text quoted, so a typo stops start-up.
     */
    static RingFallback parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("rep:") && t.length() > 4 && t.substring(4).matches("[A-Za-z0-9._-]+")) {
            return new Rep(t.substring(4));
        }
        if (t.startsWith("sip:") && t.indexOf('@') > 4 && !t.matches(".*\\s.*")) {
            return new Uri(t);
        }
        if (t.matches("\\+?[0-9*#]{1,32}")) {
            return new Number(t);
        }
        throw new IllegalArgumentException("ring fallback '" + text
                + "' is not rep:<user>, a sip: URI with a user, or a number");
    }
}
