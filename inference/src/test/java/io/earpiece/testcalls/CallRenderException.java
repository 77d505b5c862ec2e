package io.earpiece.testcalls;

/** A call script that could not be rendered: malformed, or espeak-ng, sox or ffmpeg failed or is missing. */
public class CallRenderException extends Exception {
    public CallRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
