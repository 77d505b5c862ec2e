package io.earpiece.plugins.export.secret;

/** A sealed value could not be opened: malformed, another key, or tampered with. */
public final class SecretBoxException extends Exception {
    public SecretBoxException(String reason) {
        super(reason);
    }

    public SecretBoxException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
