package io.earpiece.sip.stack;

/**
 * Classifies the start line of a SIP datagram without parsing the rest: a pure function of bytes
 * used to count traffic on the socket.
 */
public final class StartLine {
    private static final int MAX_METHOD = 16;
    private static final int MAX_LINE = 4096;
    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0', ' '};

    private StartLine() {
    }

    /** The status code if the datagram starts like a SIP/2.0 response, else -1. */
    public static int status(byte[] data, int offset, int length) {
        if (length < VERSION.length + 3) {
            return -1;
        }
        for (int i = 0; i < VERSION.length; i++) {
            if (data[offset + i] != VERSION[i]) {
                return -1;
            }
        }
        int code = 0;
        for (int i = 0; i < 3; i++) {
            byte b = data[offset + VERSION.length + i];
            if (b < '0' || b > '9') {
                return -1;
            }
            code = code * 10 + (b - '0');
        }
        return code;
    }

    /** The method if the datagram starts with an upper-case token and a space, else null. */
    public static String method(byte[] data, int offset, int length) {
        int n = Math.min(length, MAX_METHOD + 1);
        for (int i = 0; i < n; i++) {
            byte b = data[offset + i];
            if (b == ' ') {
                return i == 0 ? null : new String(data, offset, i, java.nio.charset.StandardCharsets.US_ASCII);
            }
            if (b < 'A' || b > 'Z') {
                return null;
            }
        }
        return null;
    }

    /** The last token of the first line (the SIP version of a request line), or "" when there is no line end. */
    public static String requestVersion(byte[] data) {
        int n = Math.min(data.length, MAX_LINE);
        int end = -1;
        for (int i = 0; i < n; i++) {
            if (data[i] == '\r' || data[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return "";
        }
        // Trailing white space (RFC 4475 3.1.2.10) is read liberally: the version is the last word.
        while (end > 0 && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        int start = end;
        while (start > 0 && data[start - 1] != ' ' && data[start - 1] != '\t') {
            start--;
        }
        return new String(data, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
