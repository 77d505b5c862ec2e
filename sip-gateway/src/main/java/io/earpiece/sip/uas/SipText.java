package io.earpiece.sip.uas;

import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;

/** Small accessors and text rules shared by the request handlers. */
public final class SipText {
    private static final int MAX_REASON = 120;

    private SipText() {
    }

    public static String callId(Message m) {
        return ((CallIdHeader) m.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** A reason phrase safe to put on a status line: printable ASCII, bounded length. */
    public static String reasonPhrase(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_REASON));
        for (int i = 0; i < s.length() && b.length() < MAX_REASON; i++) {
            char c = s.charAt(i);
            b.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
