package io.earpiece.sip;

import gov.nist.javax.sip.header.SIPHeader;

import javax.sip.header.ExtensionHeader;
import javax.sip.header.Header;

/** The value text of a parsed header, as it would appear after the colon. */
public final class SipHeaderText {
    private SipHeaderText() {
    }

    /** The header's value without its name; null for a null header. */
    public static String value(Header h) {
        if (h == null) {
            return null;
        }
        if (h instanceof ExtensionHeader e) {
            return e.getValue();
        }
        if (h instanceof SIPHeader s) {
            return s.getHeaderValue().trim();
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return colon < 0 ? "" : s.substring(colon + 1).trim();
    }
}
