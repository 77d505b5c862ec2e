package io.earpiece.assist.intent;

/** A cache file that cannot be read back: truncated, damaged, from another format, or for other inputs. */
public final class CacheFileFormatException extends Exception {
    public CacheFileFormatException(String reason) {
        super(reason);
    }
}
