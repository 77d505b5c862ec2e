package io.earpiece.sip.auth;

import java.util.Optional;

/** Where digest secrets live: the HA1 of each user per realm and algorithm, never the password. */
public interface CredentialStore {

    /** The stored HA1 (lower-case hex) for this user, realm and algorithm, if the user exists. */
    Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm);
}
