package io.earpiece.sip.auth;

import java.util.List;
import java.util.Optional;

/** Where digest secrets live: the HA1 of each user per realm and algorithm, never the password. */
public interface CredentialStore {

    /** The stored HA1 (lower-case hex) for this user, realm and algorithm, if the user exists. */
    Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm);

    /**
     * Every HA1 that may answer for this user: the account's own and, where a store issues them, short-lived ones
     * (a browser softphone's per-session credential). The digest check accepts a response made with any of them.
     */
    default List<String> ha1s(String username, String realm, DigestAlgorithm algorithm) {
        return ha1(username, realm, algorithm).stream().toList();
    }
}
