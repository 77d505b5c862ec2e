package io.earpiece.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * SIPREC clients (Cisco CUBE, Ribbon) send Content-Lengths that miss their multipart body by tens or hundreds of
 * bytes, and a recording lost over that is worse than a liberal reading. Only for a datagram whose multipart body
 * holds a {@code recording-session} part, the body is the rest of the datagram and its one Content-Length is
 * rewritten to say so before the stock parser sees it; every other message keeps RFC 3261 18.3 (a shorter length
 * truncates, a longer one is a 400). The stack reads only datagrams with this parser, so "the rest" is well
 * defined.
 */
final class RecordingBodyLength {
    private RecordingBodyLength() {
    }

    static byte[] corrected(byte[] bytes) {
        int body = HeaderNames.bodyOffset(bytes);
        if (body <= 0 || body > bytes.length) {
            return bytes;
        }
        // ISO-8859-1: one char per byte, so indexes in the text are indexes in the datagram.
        String head = new String(bytes, 0, body, StandardCharsets.ISO_8859_1);
        String lowerHead = head.toLowerCase(Locale.ROOT);
        if (!lowerHead.contains("multipart/")) {
            return bytes;
        }
        String rest = new String(bytes, body, bytes.length - body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!rest.contains("recording-session")) {
            return bytes;
        }
        int[] value = lengthValue(lowerHead);
        if (value == null) {
            return bytes;
        }
        String declared = head.substring(value[0], value[1]).trim();
        String actual = Integer.toString(bytes.length - body);
        if (declared.equals(actual)) {
            return bytes;
        }
        String fixed = head.substring(0, value[0]) + " " + actual + head.substring(value[1]);
        byte[] out = new byte[fixed.length() + bytes.length - body];
        byte[] f = fixed.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(f, 0, out, 0, f.length);
        System.arraycopy(bytes, body, out, f.length, bytes.length - body);
        return out;
    }

    /** Start and end of the value of the only Content-Length (or compact {@code l:}) header, or null. */
    private static int[] lengthValue(String lowerHead) {
        int[] found = null;
        int lineStart = 0;
        while (lineStart < lowerHead.length()) {
            int lf = lowerHead.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? lowerHead.length() : lf;
            int end = lineEnd > lineStart && lowerHead.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int colon = lowerHead.indexOf(':', lineStart);
            if (colon > lineStart && colon < end) {
                String name = lowerHead.substring(lineStart, colon).trim();
                if (name.equals("content-length") || name.equals("l")) {
                    if (found != null) {
                        return null; // two lengths: the parser's own 400 applies
                    }
                    found = new int[] {colon + 1, end};
                }
            }
            lineStart = lineEnd + 1;
        }
        return found;
    }
}
