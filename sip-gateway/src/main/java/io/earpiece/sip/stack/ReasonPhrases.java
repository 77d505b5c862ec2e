package io.earpiece.sip.stack;

import java.util.Locale;

/**
 * Reason phrases for messages the stack cannot parse, written for the person reading a trace: they name the
 * header that failed and never carry a parser's internals (object identities, buffer dumps, line breaks).
 */
public final class ReasonPhrases {
    static final int MAX_LENGTH = 80;

    private ReasonPhrases() {
    }

    /**
     * @param header the header the parser failed on (as {@link #headerName} gives it), or null
     * @param detail the parser's message, or null; used only when it is short plain text
     */
    public static String forParseFailure(String header, String detail) {
        if (header != null) {
            return "request-line".equals(header) ? "malformed request line" : "malformed " + header + " header";
        }
        if (detail != null && plain(detail)) {
            return detail;
        }
        return "malformed message";
    }

    /** The header's name as written (its part before the colon), "request-line", or null when unknown. */
    static String headerName(Class<?> headerClass, String headerText) {
        if (headerClass != null && "RequestLine".equals(headerClass.getSimpleName())) {
            return "request-line";
        }
        if (headerText != null) {
            int colon = headerText.indexOf(':');
            if (colon > 0 && colon <= 64) {
                String name = headerText.substring(0, colon).trim();
                if (!name.isEmpty() && name.chars().allMatch(ReasonPhrases::tokenChar)) {
                    return name;
                }
            }
        }
        if (headerClass != null && headerClass.getPackageName().startsWith("gov.nist.javax.sip.header")) {
            return headerClass.getSimpleName().replace("CallID", "Call-ID").replace("ContentLength", "Content-Length");
        }
        return null;
    }

    /** {@code text} with anything but visible ASCII and spaces replaced by '?', cut to {@link #MAX_LENGTH}. */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && b.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    private static boolean plain(String detail) {
        return detail.length() <= MAX_LENGTH && printable(detail).equals(detail) && !detail.contains("@")
                && !detail.toLowerCase(Locale.ROOT).contains("exception");
    }

    private static boolean tokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-.!%*_+`'~".indexOf(c) >= 0;
    }
}
