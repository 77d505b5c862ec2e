package io.earpiece.sip.tls;

import java.nio.file.Path;

/**
 * A certificate, key or trust file that cannot be used: unreadable, not PEM or PKCS#12, wrong password, or a key
 * that does not belong to the certificate. The message names the file, so a start-up failure says what to fix.
 */
public final class TlsMaterialException extends RuntimeException {
    private final Path file;

    public TlsMaterialException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public TlsMaterialException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
