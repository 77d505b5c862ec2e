package io.earpiece.sip.sdp;

/** Thrown when bytes are not a well-formed session description; the message says which rule failed. */
public class SdpParseException extends Exception {
    private final int line;

    public SdpParseException(String reason, int line) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    public SdpParseException(String reason) {
        this(reason, 0);
    }

    /** One-based line number where parsing stopped, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }
}
