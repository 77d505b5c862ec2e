package io.earpiece.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header field names of a raw SIP message, in order, each in its long lower-case form ({@code l} becomes
 * {@code content-length}): what the stock parser hides when it folds two headers of one name into one. A pure
 * function of bytes; it reads the header section only, and at most {@link #MAX_HEADER_BYTES} of it.
 */
public final class HeaderNames {
    /** More header than any datagram the stack accepts (its MAX_MESSAGE_SIZE is 64 KiB). */
    static final int MAX_HEADER_BYTES = 65536;
    private static final int MAX_NAME = 128;
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "call-id"),
            Map.entry("v", "via"), Map.entry("f", "from"), Map.entry("t", "to"), Map.entry("l", "content-length"),
            Map.entry("m", "contact"), Map.entry("c", "content-type"), Map.entry("s", "subject"),
            Map.entry("k", "supported"), Map.entry("e", "content-encoding"), Map.entry("o", "event"),
            Map.entry("r", "refer-to"), Map.entry("b", "referred-by"), Map.entry("u", "allow-events"),
            Map.entry("x", "session-expires"), Map.entry("y", "identity"), Map.entry("a", "accept-contact"),
            Map.entry("j", "reject-contact"), Map.entry("d", "request-disposition"));

    private HeaderNames() {
    }

    /**
     * Names of the header fields after the start line, up to the first empty line (or the end of the data);
     * continuation lines (starting with space or tab) belong to the field before them.
     *
     * @throws MalformedSipException if the header section is longer than {@link #MAX_HEADER_BYTES} or a field
     *                               name is longer than any real one
     */
    public static List<String> of(byte[] data) throws MalformedSipException {
        List<String> names = new ArrayList<>();
        int limit = Math.min(data.length, MAX_HEADER_BYTES + 1);
        int line = nextLine(data, 0, limit);
        while (line >= 0 && line < limit) {
            int end = lineEnd(data, line, limit);
            if (end == line) {
                return names;
            }
            byte first = data[line];
            if (first != ' ' && first != '\t') {
                int colon = line;
                while (colon < end && data[colon] != ':') {
                    colon++;
                }
                if (colon < end) {
                    if (colon - line > MAX_NAME) {
                        throw new MalformedSipException("a header field name is longer than " + MAX_NAME
                                + " characters");
                    }
                    String name = new String(data, line, colon - line, StandardCharsets.US_ASCII).trim()
                            .toLowerCase(Locale.ROOT);
                    names.add(COMPACT.getOrDefault(name, name));
                }
            }
            line = nextLine(data, end, limit);
        }
        if (data.length > MAX_HEADER_BYTES) {
            throw new MalformedSipException("the header section is longer than " + MAX_HEADER_BYTES + " bytes");
        }
        return names;
    }

    /** Offset of the first byte after the empty line that ends the header section, or -1 when there is none. */
    public static int bodyOffset(byte[] data) {
        int limit = Math.min(data.length, MAX_HEADER_BYTES + 4);
        for (int i = 0; i + 1 < limit; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                return i + 2;
            }
            if (data[i] == '\r' && i + 3 < data.length && data[i + 1] == '\n' && data[i + 2] == '\r'
                    && data[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Headers RFC 3261 allows once per message whose doubling changes what the request means. */
    private static final List<String> SINGLETONS = List.of("call-id", "cseq", "from", "to", "max-forwards",
            "content-length", "content-type");
    private static final Map<String, String> SPELLING = Map.of("call-id", "Call-ID", "cseq", "CSeq", "from", "From",
            "to", "To", "max-forwards", "Max-Forwards", "content-length", "Content-Length",
            "content-type", "Content-Type");

    /** The first single-valued essential header that appears more than once, as RFC 3261 spells it, or null. */
    public static String repeatedSingleton(List<String> names) {
        for (String name : SINGLETONS) {
            if (count(names, name) > 1) {
                return SPELLING.get(name);
            }
        }
        return null;
    }

    /** How many fields are called {@code name} (long lower-case form). */
    public static int count(List<String> names, String name) {
        int n = 0;
        for (String s : names) {
            if (s.equals(name)) {
                n++;
            }
        }
        return n;
    }

    private static int lineEnd(byte[] data, int from, int limit) {
        int i = from;
        while (i < limit && data[i] != '\r' && data[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Start of the line after the one ending at or after {@code from}; -1 past the limit. */
    private static int nextLine(byte[] data, int from, int limit) {
        int i = lineEnd(data, from, limit);
        if (i >= limit) {
            return -1;
        }
        if (data[i] == '\r' && i + 1 < limit && data[i + 1] == '\n') {
            return i + 2;
        }
        return i + 1;
    }
}
