package io.earpiece.sip.sdp;

/** Writes a {@link SessionDescription} as SDP text with CRLF line ends, in RFC 4566 line order. */
public final class SdpFormatter {

    /** Formats a whole session description. */
    public String format(SessionDescription sd) {
        StringBuilder b = new StringBuilder(256);
        line(b, 'v', "0");
        line(b, 'o', sd.origin().encode());
        line(b, 's', sd.sessionName().isEmpty() ? " " : sd.sessionName());
        if (sd.connection() != null) {
            line(b, 'c', sd.connection().encode());
        }
        line(b, 't', sd.timing());
        for (SdpAttribute a : sd.attributes()) {
            line(b, 'a', a.encode());
        }
        for (MediaDescription m : sd.media()) {
            String port = m.portCount() > 1 ? m.port() + "/" + m.portCount() : Integer.toString(m.port());
            line(b, 'm', m.media() + " " + port + " " + m.protocol() + " " + String.join(" ", m.formats()));
            if (m.connection() != null) {
                line(b, 'c', m.connection().encode());
            }
            for (SdpAttribute a : m.attributes()) {
                line(b, 'a', a.encode());
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append("\r\n");
    }
}
