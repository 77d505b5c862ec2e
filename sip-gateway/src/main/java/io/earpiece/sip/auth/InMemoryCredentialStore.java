package io.earpiece.sip.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CredentialStore} in memory, for tests and single-node setups; hashes passwords on entry. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, Map<DigestAlgorithm, String>> byUserAndRealm = new ConcurrentHashMap<>();

    /** Stores HA1s of every supported algorithm for this user; the password itself is not kept. */
    public InMemoryCredentialStore put(String username, String realm, String password) {
        Map<DigestAlgorithm, String> h = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            h.put(a, DigestMath.ha1(a, username, realm, password));
        }
        byUserAndRealm.put(key(username, realm), Map.copyOf(h));
        return this;
    }

    /** Removes a user. */
    public void remove(String username, String realm) {
        byUserAndRealm.remove(key(username, realm));
    }

    @Override
    public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
        Map<DigestAlgorithm, String> h = byUserAndRealm.get(key(username, realm));
        return h == null ? Optional.empty() : Optional.ofNullable(h.get(algorithm));
    }

    private static String key(String username, String realm) {
        return username + "\u0000" + realm;
    }
}
