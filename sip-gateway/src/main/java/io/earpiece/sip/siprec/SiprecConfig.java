package io.earpiece.sip.siprec;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * How the Session Recording Server tells reps from customers.
 *
 * @param repSide      who is the rep when no participant is an Earpiece user
 * @param earpieceUser true for a SIP user name, extension or number that belongs to an Earpiece user
 */
public record SiprecConfig(RepSide repSide, Predicate<String> earpieceUser) {

    public SiprecConfig {
        Objects.requireNonNull(repSide, "repSide");
        Objects.requireNonNull(earpieceUser, "earpieceUser");
    }

    /** The defaults: the callee is the rep, and no participant is known as an Earpiece user. */
    public static SiprecConfig defaults() {
        return new SiprecConfig(RepSide.CALLEE, s -> false);
    }
}
