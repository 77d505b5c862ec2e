package io.earpiece.console.storage;

import java.io.IOException;

/** A volume has no room for what was to be written; the message says which, and how much is free. */
public final class StorageFullException extends IOException {

    public StorageFullException(String message) {
        super(message);
    }

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
