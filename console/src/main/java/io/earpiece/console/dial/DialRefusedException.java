package io.earpiece.console.dial;

/** A dial that cannot be placed now, with the HTTP status that says why (409 no trunk, 503 no media port). */
public final class DialRefusedException extends Exception {
    private final int status;

    public DialRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
