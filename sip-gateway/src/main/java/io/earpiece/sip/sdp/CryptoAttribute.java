package io.earpiece.sip.sdp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One {@code a=crypto} attribute (RFC 4568 section 9.1): {@code tag suite inline:KEY||SALT[|lifetime][|MKI:len]
 * [session-params]}. Only the first key of a line is kept; a line with several keys or an MKI is parsed but marked
 * {@link #usable()} false, as are lines with session parameters that change the transform (KDR,
 * UNENCRYPTED_SRTP, UNAUTHENTICATED_SRTP, FEC_*).
 *
 * @param tag           the decimal tag the answer must repeat (1 to 999999999)
 * @param suite         the crypto suite name as written
 * @param keySalt       the decoded first inline key||salt
 * @param lifetime      the key's lifetime in packets, or -1 when not given
 * @param mki           whether the key carries an MKI (Earpiece never sends MKIs)
 * @param keys          how many inline keys the line lists
 * @param sessionParams the session parameters as written
 */
public record CryptoAttribute(int tag, String suite, byte[] keySalt, long lifetime, boolean mki, int keys,
                              List<String> sessionParams) {

    /** The attribute name, as in {@code a=crypto:...}. */
    public static final String NAME = "crypto";
    /** A crypto value is a few dozen characters; longer ones are refused before any splitting. */
    static final int MAX_LENGTH = 1024;
    private static final int MAX_KEYS = 16;
    private static final String INLINE = "inline:";
    /** Below this many packets a key would expire within a call; Earpiece does not re-key on lifetime. */
    private static final long MIN_LIFETIME = 1L << 20;

    public CryptoAttribute {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(keySalt, "keySalt");
        keySalt = keySalt.clone();
        sessionParams = List.copyOf(sessionParams);
    }

    /** A line Earpiece writes: one inline key, no lifetime, MKI or session parameters. */
    public static CryptoAttribute of(int tag, CryptoSuite suite, byte[] keySalt) {
        return new CryptoAttribute(tag, suite.name(), keySalt, -1, false, 1, List.of());
    }

    /** Parses the value after {@code a=crypto:}. */
    public static CryptoAttribute parse(String value) throws SdesParseException {
        if (value == null || value.isEmpty()) {
            throw new SdesParseException("empty crypto attribute");
        }
        if (value.length() > MAX_LENGTH) {
            throw new SdesParseException("crypto attribute of " + value.length() + " characters exceeds " + MAX_LENGTH);
        }
        String[] fields = value.trim().split("[ \t]+");
        if (fields.length < 3) {
            throw new SdesParseException("crypto attribute needs a tag, a suite and key parameters");
        }
        int tag = parseTag(fields[0]);
        String suite = fields[1];
        if (!suite.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new SdesParseException("bad crypto suite name");
        }
        String[] keyParams = fields[2].split(";", -1);
        if (keyParams.length > MAX_KEYS) {
            throw new SdesParseException(keyParams.length + " keys on one line exceed " + MAX_KEYS);
        }
        long lifetime = -1;
        boolean mki = false;
        byte[] keySalt = null;
        for (String param : keyParams) {
            if (!param.regionMatches(true, 0, INLINE, 0, INLINE.length())) {
                throw new SdesParseException("key method is not inline: " + printable(param));
            }
            String[] parts = param.substring(INLINE.length()).split("\\|", -1);
            if (parts.length > 3) {
                throw new SdesParseException("too many '|' in an inline key");
            }
            byte[] decoded = decodeKey(parts[0]);
            long life = -1;
            boolean hasMki = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].indexOf(':') >= 0) {
                    parseMki(parts[i]);
                    hasMki = true;
                } else if (i == 1) {
                    life = parseLifetime(parts[i]);
                } else {
                    throw new SdesParseException("MKI expected after the lifetime: " + printable(parts[i]));
                }
            }
            if (keySalt == null) {
                keySalt = decoded;
                lifetime = life;
            }
            mki |= hasMki;
        }
        List<String> session = new ArrayList<>(List.of(fields).subList(3, fields.length));
        return new CryptoAttribute(tag, suite, keySalt, lifetime, mki, keyParams.length, session);
    }

    /** The supported suite this line offers, or empty when Earpiece cannot use it (see the class comment). */
    public java.util.Optional<CryptoSuite> usableSuite() {
        if (!usable()) {
            return java.util.Optional.empty();
        }
        return CryptoSuite.forName(suite).filter(s -> s.keySaltLength() == keySalt.length);
    }

    /** Whether the line's key and parameters are ones Earpiece can honour. */
    public boolean usable() {
        if (mki || keys != 1 || (lifetime >= 0 && lifetime < MIN_LIFETIME)) {
            return false;
        }
        for (String p : sessionParams) {
            // The window size hint and SRTCP options do not change how Earpiece handles RTP.
            if (!p.startsWith("WSH=") && !p.equals("UNENCRYPTED_SRTCP")) {
                return false;
            }
        }
        return true;
    }

    /** The value to write after {@code a=crypto:}. */
    public String format() {
        StringBuilder b = new StringBuilder().append(tag).append(' ').append(suite).append(' ').append(INLINE)
                .append(Base64.getEncoder().encodeToString(keySalt));
        for (String p : sessionParams) {
            b.append(' ').append(p);
        }
        return b.toString();
    }

    /** As an SDP attribute. */
    public SdpAttribute attribute() {
        return new SdpAttribute(NAME, format());
    }

    private static int parseTag(String s) throws SdesParseException {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdesParseException("crypto tag must be 1 to 9 digits: " + printable(s));
        }
        int tag = Integer.parseInt(s);
        if (tag == 0) {
            throw new SdesParseException("crypto tag 0");
        }
        return tag;
    }

    private static byte[] decodeKey(String base64) throws SdesParseException {
        if (base64.isEmpty() || base64.length() > 128) {
            throw new SdesParseException("inline key of " + base64.length() + " characters");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SdesParseException("inline key is not base64");
        }
    }

    private static long parseLifetime(String s) throws SdesParseException {
        if (s.startsWith("2^")) {
            String exp = s.substring(2);
            if (exp.isEmpty() || exp.length() > 2 || !exp.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new SdesParseException("bad key lifetime " + printable(s));
            }
            int e = Integer.parseInt(exp);
            return e >= 62 ? Long.MAX_VALUE : 1L << e;
        }
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdesParseException("bad key lifetime " + printable(s));
        }
        return Long.parseLong(s);
    }

    private static void parseMki(String s) throws SdesParseException {
        int colon = s.indexOf(':');
        String value = s.substring(0, colon);
        String length = s.substring(colon + 1);
        if (value.isEmpty() || value.length() > 10 || length.isEmpty() || length.length() > 3
                || !(value + length).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdesParseException("bad MKI " + printable(s));
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }

    // Keys must never reach a log line.
    @Override
    public String toString() {
        return "CryptoAttribute[" + tag + " " + suite + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CryptoAttribute c && tag == c.tag && suite.equals(c.suite)
                && java.security.MessageDigest.isEqual(keySalt, c.keySalt) && lifetime == c.lifetime && mki == c.mki
                && keys == c.keys && sessionParams.equals(c.sessionParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, suite, lifetime);
    }
}
