package io.earpiece.sip.sdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SDP bytes into a {@link SessionDescription}; a pure function that only ever throws {@link SdpParseException}.
 */
public final class SdpParser {
    /** Offers from PBXs are a few hundred bytes; anything far larger is not an audio offer worth reading. */
    public static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_LINES = 512;
    private static final int MAX_FORMATS = 64;

    private final boolean connectionRequired;

    /** A parser that requires a connection for every medium, as offer/answer for calls does. */
    public SdpParser() {
        this(true);
    }

    /**
     * @param connectionRequired false to accept media without any {@code c=} line (OpenSIPS' SIPREC offers have
     *                           none); {@link SessionDescription#connectionFor} is then null for them
     */
    public SdpParser(boolean connectionRequired) {
        this.connectionRequired = connectionRequired;
    }

    /** Parses a whole session description. */
    public SessionDescription parse(byte[] bytes) throws SdpParseException {
        if (bytes == null || bytes.length == 0) {
            throw new SdpParseException("empty session description");
        }
        if (bytes.length > MAX_BYTES) {
            throw new SdpParseException("session description of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        return parseText(decode(bytes));
    }

    private static String decode(byte[] bytes) throws SdpParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SdpParseException("not UTF-8 text");
        }
    }

    private SessionDescription parseText(String text) throws SdpParseException {
        List<String> lines = splitLines(text);
        Builder session = new Builder();
        MediaBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            char type = checkLine(line, lineNo);
            String value = line.substring(2);
            if (i == 0) {
                if (type != 'v' || !value.equals("0")) {
                    throw new SdpParseException("first line must be v=0", lineNo);
                }
                continue;
            }
            switch (type) {
                case 'v' -> throw new SdpParseException("repeated v= line", lineNo);
                case 'o' -> {
                    requireSessionLevel(current, type, lineNo);
                    if (session.origin != null) {
                        throw new SdpParseException("repeated o= line", lineNo);
                    }
                    session.origin = parseOrigin(value, lineNo);
                }
                case 's' -> {
                    requireSessionLevel(current, type, lineNo);
                    if (session.name != null) {
                        throw new SdpParseException("repeated s= line", lineNo);
                    }
                    session.name = value;
                }
                case 't' -> {
                    requireSessionLevel(current, type, lineNo);
                    if (session.timing == null) {
                        session.timing = parseTiming(value, lineNo);
                    }
                }
                case 'c' -> {
                    Connection c = parseConnection(value, lineNo);
                    if (current == null) {
                        if (session.connection != null) {
                            throw new SdpParseException("repeated session-level c= line", lineNo);
                        }
                        session.connection = c;
                    } else if (current.connection == null) {
                        current.connection = c;
                    }
                }
                case 'a' -> {
                    SdpAttribute a = parseAttribute(value, lineNo);
                    (current == null ? session.attributes : current.attributes).add(a);
                }
                case 'm' -> {
                    if (current != null) {
                        session.media.add(current.build());
                    }
                    current = parseMediaLine(value, lineNo);
                }
                default -> {
                    // i=, u=, e=, p=, b=, z=, k=, r= and future types carry nothing offer/answer needs.
                }
            }
        }
        if (current != null) {
            session.media.add(current.build());
        }
        return session.build(connectionRequired);
    }

    private static List<String> splitLines(String text) throws SdpParseException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? n : lf;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, contentEnd));
            if (lines.size() > MAX_LINES) {
                throw new SdpParseException("more than " + MAX_LINES + " lines");
            }
            start = end + 1;
        }
        // A trailing CRLF is customary; blank lines anywhere else are not allowed by RFC 4566.
        return lines;
    }

    private static char checkLine(String line, int lineNo) throws SdpParseException {
        if (line.length() < 2) {
            throw new SdpParseException(line.isEmpty() ? "blank line" : "line too short", lineNo);
        }
        char type = line.charAt(0);
        if (type < 'a' || type > 'z' || line.charAt(1) != '=') {
            throw new SdpParseException("expected <letter>=<value>", lineNo);
        }
        for (int i = 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new SdpParseException("control character 0x" + Integer.toHexString(c), lineNo);
            }
        }
        return type;
    }

    private static void requireSessionLevel(MediaBuilder current, char type, int lineNo) throws SdpParseException {
        if (current != null) {
            throw new SdpParseException(type + "= line inside a media section", lineNo);
        }
    }

    private static String[] fields(String value, int expected, String what, int lineNo) throws SdpParseException {
        String[] f = value.trim().split(" +");
        if (f.length != expected || f[0].isEmpty()) {
            throw new SdpParseException(what + " needs " + expected + " fields, got " + (f[0].isEmpty() ? 0 : f.length),
                    lineNo);
        }
        return f;
    }

    private static Origin parseOrigin(String value, int lineNo) throws SdpParseException {
        String[] f = fields(value, 6, "o=", lineNo);
        requireDigits(f[1], "session id", lineNo);
        requireDigits(f[2], "session version", lineNo);
        return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    private static String parseTiming(String value, int lineNo) throws SdpParseException {
        String[] f = fields(value, 2, "t=", lineNo);
        requireDigits(f[0], "start time", lineNo);
        requireDigits(f[1], "stop time", lineNo);
        return f[0] + " " + f[1];
    }

    private static Connection parseConnection(String value, int lineNo) throws SdpParseException {
        String[] f = fields(value, 3, "c=", lineNo);
        if (!f[0].equals("IN")) {
            throw new SdpParseException("unsupported network type " + f[0], lineNo);
        }
        if (!f[1].equals("IP4") && !f[1].equals("IP6")) {
            throw new SdpParseException("unsupported address type " + f[1], lineNo);
        }
        return new Connection(f[0], f[1], f[2]);
    }

    private static SdpAttribute parseAttribute(String value, int lineNo) throws SdpParseException {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (name.isEmpty() || !isToken(name)) {
            throw new SdpParseException("attribute name is not a token", lineNo);
        }
        return new SdpAttribute(name, colon < 0 ? null : value.substring(colon + 1));
    }

    private static MediaBuilder parseMediaLine(String value, int lineNo) throws SdpParseException {
        String[] f = value.trim().split(" +");
        if (f.length < 4) {
            throw new SdpParseException("m= needs media, port, protocol and at least one format", lineNo);
        }
        if (f.length - 3 > MAX_FORMATS) {
            throw new SdpParseException("more than " + MAX_FORMATS + " formats", lineNo);
        }
        if (!isToken(f[0])) {
            throw new SdpParseException("media type is not a token", lineNo);
        }
        String port = f[1];
        int portCount = 1;
        int slash = port.indexOf('/');
        if (slash >= 0) {
            portCount = parseBounded(port.substring(slash + 1), 1, 65535, "port count", lineNo);
            port = port.substring(0, slash);
        }
        MediaBuilder m = new MediaBuilder();
        m.media = f[0];
        m.port = parseBounded(port, 0, 65535, "port", lineNo);
        m.portCount = portCount;
        m.protocol = f[2];
        for (int i = 3; i < f.length; i++) {
            if (!isToken(f[i])) {
                throw new SdpParseException("format is not a token", lineNo);
            }
            m.formats.add(f[i]);
        }
        return m;
    }

    private static int parseBounded(String s, int min, int max, String what, int lineNo) throws SdpParseException {
        if (s.isEmpty() || s.length() > 5) {
            throw new SdpParseException(what + " must be 1 to 5 digits", lineNo);
        }
        requireDigits(s, what, lineNo);
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw new SdpParseException(what + " " + v + " out of range " + min + ".." + max, lineNo);
        }
        return v;
    }

    private static void requireDigits(String s, String what, int lineNo) throws SdpParseException {
        if (s.isEmpty() || s.length() > 20) {
            throw new SdpParseException(what + " must be 1 to 20 digits", lineNo);
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new SdpParseException(what + " is not a number", lineNo);
            }
        }
    }

    /** RFC 4566 token characters. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`{|}~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static final class Builder {
        Origin origin;
        String name;
        String timing;
        Connection connection;
        final List<SdpAttribute> attributes = new ArrayList<>();
        final List<MediaDescription> media = new ArrayList<>();

        SessionDescription build(boolean connectionRequired) throws SdpParseException {
            if (origin == null) {
                throw new SdpParseException("missing o= line");
            }
            if (name == null) {
                throw new SdpParseException("missing s= line");
            }
            for (int i = 0; i < media.size(); i++) {
                if (connectionRequired && connection == null && media.get(i).connection() == null) {
                    throw new SdpParseException("media section " + (i + 1) + " has no c= line and the session has none");
                }
            }
            return new SessionDescription(origin, name, connection, timing == null ? "0 0" : timing, attributes, media);
        }
    }

    private static final class MediaBuilder {
        String media;
        int port;
        int portCount;
        String protocol;
        final List<String> formats = new ArrayList<>();
        Connection connection;
        final List<SdpAttribute> attributes = new ArrayList<>();

        MediaDescription build() {
            return new MediaDescription(media, port, portCount, protocol, formats, connection, attributes);
        }
    }
}
