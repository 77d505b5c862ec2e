package io.earpiece.console.telephony;

import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.secret.SecretBox;
import io.earpiece.plugins.export.secret.SecretBoxException;

/**
 * Seals trunk passwords for the database and opens them for registering. Without {@code earpiece.secret-key}
 * (EARPIECE_SECRET_KEY) passwords cannot be stored at all: keeping them in clear is not an option.
 */
public final class TrunkPasswords {

    private final SecretBox box;

    /** @param base64Key a base64 32-byte AES key, or blank when none is configured */
    public TrunkPasswords(String base64Key) {
        this.box = base64Key == null || base64Key.isBlank() ? null : SecretBox.fromBase64Key(base64Key);
    }

    public boolean available() {
        return box != null;
    }

    public String seal(String password) {
        if (box == null) {
            throw new IllegalStateException("set earpiece.secret-key (EARPIECE_SECRET_KEY, a base64 32-byte key) "
                    + "before storing trunk passwords");
        }
        return box.seal(Secret.of(password));
    }

    /** The password, or throws {@link IllegalStateException} saying why it cannot be opened. */
    public String open(String sealed) {
        if (box == null) {
            throw new IllegalStateException("trunk password is sealed but earpiece.secret-key is not set");
        }
        try {
            return box.open(sealed).reveal();
        } catch (SecretBoxException e) {
            throw new IllegalStateException("cannot open trunk password: " + e.getMessage(), e);
        }
    }
}
