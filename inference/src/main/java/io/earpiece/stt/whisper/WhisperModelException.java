package io.earpiece.stt.whisper;

/** A whisper model file is missing, unreadable, or not a complete ggml whisper model. */
public class WhisperModelException extends RuntimeException {

    public WhisperModelException(String message) {
        super(message);
    }

    public WhisperModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
