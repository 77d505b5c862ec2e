package io.earpiece.media.codec;

/** A payload could not be decoded or audio could not be encoded; the message says why. */
public final class CodecException extends Exception {

    public CodecException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public CodecException(String message) {
        super(message, null, false, false);
    }
}
