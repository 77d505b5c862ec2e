package io.earpiece.sip.auth;

/** An Authorization or WWW-Authenticate value that is not a well-formed digest parameter list. */
public class DigestParseException extends Exception {
    public DigestParseException(String reason) {
        super(reason);
    }
}
