package io.earpiece.console.softphone;

/** The few SIP URI manipulations the softphone configuration needs; pure functions. */
final class SipUris {

    private SipUris() {
    }

    /** {@code host:port}, with an IPv6 literal bracketed. */
    static String hostPort(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    /** The {@code host[:port]} of a {@code sip:} or {@code sips:} URI without user part, parameters dropped. */
    static String hostPortOf(String uri) {
        String s = uri.trim();
        int colon = s.indexOf(':');
        if (colon < 0 || !(s.substring(0, colon).equalsIgnoreCase("sip") || s.substring(0, colon).equalsIgnoreCase("sips"))) {
            throw new IllegalArgumentException("earpiece.softphone.sip-proxy must be a sip: URI, got " + uri);
        }
        s = s.substring(colon + 1);
        int at = s.indexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("earpiece.softphone.sip-proxy has no host: " + uri);
        }
        return s;
    }
}
