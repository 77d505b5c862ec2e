package io.earpiece.sip.b2bua;

import java.util.Optional;

/** The DID -> rep routing table for inbound trunk calls; the console backs it with the database. */
public interface DidRouter {

    /** The rep (registrar user) who takes calls to this number, if any. */
    Optional<String> repFor(String did);
}
