package io.earpiece.console.export;

import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.secret.SecretBox;
import io.earpiece.plugins.export.secret.SecretBoxException;

/**
 * Turns configured credential strings into {@link Secret}s: sealed values ({@code sb1.…}) are opened with the
 * SecretBox key, anything else is taken as the plain value. Error messages never include the value.
 */
public final class ConfiguredSecrets {

    private final SecretBox box;

    /** {@code box} may be null when no key is configured; sealed values then fail at start-up. */
    public ConfiguredSecrets(SecretBox box) {
        this.box = box;
    }

    public Secret open(String what, String configured) {
        if (!configured.startsWith("sb1.")) {
            return Secret.of(configured);
        }
        if (box == null) {
            throw new IllegalStateException(what + " is sealed but EARPIECE_SECRET_KEY is not set");
        }
        try {
            return box.open(configured);
        } catch (SecretBoxException e) {
            throw new IllegalStateException(what + " cannot be opened with the configured key: " + e.getMessage());
        }
    }
}
