package io.earpiece.sip.siprec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a {@code multipart/*} body (RFC 2046) into parts, as liberally as SIPREC clients need: the boundary
 * quoted or not and with spaces around {@code =}, a preamble, LF or CRLF line ends, a missing closing delimiter
 * (the last part runs to the end), a closing delimiter followed by spaces or nothing. It never trusts a
 * Content-Length, since vendors send wrong ones; it reads the bytes it is given. A pure function that only
 * throws {@link MultipartParseException}.
 */
public final class MultipartParser {
    /** SIPREC offers are a few kilobytes; far larger is not a recording offer worth reading. */
    public static final int MAX_BYTES = 64 * 1024;
    /** SDP, metadata and a stray ISUP part or two. */
    public static final int MAX_PARTS = 16;
    private static final int MAX_BOUNDARY = 70;
    private static final int MAX_PART_HEADERS = 32;

    /**
     * @param contentType the message's Content-Type value, e.g. {@code multipart/mixed;boundary=foo}
     * @param body        the message body as received
     */
    public List<BodyPart> parse(String contentType, byte[] body) throws MultipartParseException {
        if (contentType == null || contentType.isBlank()) {
            throw new MultipartParseException("no Content-Type");
        }
        if (!contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new MultipartParseException("not a multipart body");
        }
        if (body == null || body.length == 0) {
            throw new MultipartParseException("empty multipart body");
        }
        if (body.length > MAX_BYTES) {
            throw new MultipartParseException("multipart body of " + body.length + " bytes exceeds " + MAX_BYTES);
        }
        String boundary = boundary(contentType);
        // ISO-8859-1 maps each byte to one char, so offsets in the text are offsets in the bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = findDelimiter(text, delimiter, 0);
        if (at < 0) {
            throw new MultipartParseException("boundary " + boundary + " not found in the body");
        }
        List<BodyPart> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (text.startsWith("--", afterDelimiter)) {
                break; // closing delimiter; anything after it is epilogue
            }
            int lineEnd = text.indexOf('\n', afterDelimiter);
            if (lineEnd < 0) {
                break; // a delimiter line with nothing after it: no more parts
            }
            int partStart = lineEnd + 1;
            int next = findDelimiter(text, delimiter, partStart);
            int partEnd = next < 0 ? text.length() : next;
            if (parts.size() == MAX_PARTS) {
                throw new MultipartParseException("more than " + MAX_PARTS + " body parts");
            }
            parts.add(part(text, partStart, partEnd, next < 0, parts.size() + 1));
            if (next < 0) {
                break; // no closing delimiter: the last part ran to the end of the body
            }
            at = next;
        }
        if (parts.isEmpty()) {
            throw new MultipartParseException("multipart body has no parts");
        }
        return parts;
    }

    /** The boundary parameter, unquoted. */
    static String boundary(String contentType) throws MultipartParseException {
        String[] params = contentType.split(";");
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                continue;
            }
            String v = p.substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (v.isEmpty()) {
                throw new MultipartParseException("empty boundary");
            }
            if (v.length() > MAX_BOUNDARY) {
                throw new MultipartParseException("boundary longer than " + MAX_BOUNDARY + " characters");
            }
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c < 0x20 || c >= 0x7f) {
                    throw new MultipartParseException("boundary has a control or non-ASCII character");
                }
            }
            return v;
        }
        throw new MultipartParseException("multipart Content-Type without a boundary");
    }

    /** The next delimiter at the start of a line at or after {@code from}, or -1. */
    private static int findDelimiter(String text, String delimiter, int from) {
        int i = from;
        while (true) {
            int at = text.indexOf(delimiter, i);
            if (at < 0) {
                return -1;
            }
            if (at == 0 || text.charAt(at - 1) == '\n') {
                return at;
            }
            i = at + 1;
        }
    }

    private static BodyPart part(String text, int start, int end, boolean last, int number)
            throws MultipartParseException {
        // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
        int contentEnd = end;
        if (!last) {
            if (contentEnd > start && text.charAt(contentEnd - 1) == '\n') {
                contentEnd--;
            }
            if (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
                contentEnd--;
            }
        }
        Map<String, String> headers = new HashMap<>();
        int i = start;
        String previous = null;
        while (true) {
            if (i >= contentEnd) {
                // Headers but no blank line: a part without content.
                return new BodyPart(headers, new byte[0]);
            }
            int lf = text.indexOf('\n', i);
            int lineEnd = lf < 0 || lf > contentEnd ? contentEnd : lf;
            String line = text.substring(i, lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            i = Math.min(lineEnd + 1, contentEnd);
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                headers.put(previous, headers.get(previous) + " " + line.trim()); // folded header line
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MultipartParseException("body part " + number + " has a header line without a colon");
            }
            if (headers.size() == MAX_PART_HEADERS) {
                throw new MultipartParseException("body part " + number + " has more than " + MAX_PART_HEADERS
                        + " headers");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.putIfAbsent(name, line.substring(colon + 1).trim());
            previous = name;
            if (lineEnd == contentEnd) {
                return new BodyPart(headers, new byte[0]);
            }
        }
        return new BodyPart(headers, text.substring(i, contentEnd).getBytes(StandardCharsets.ISO_8859_1));
    }
}
