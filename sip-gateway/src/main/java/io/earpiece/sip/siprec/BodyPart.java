package io.earpiece.sip.siprec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One part of a multipart body.
 *
 * @param headers part headers by lower-case name (the first of repeated ones)
 * @param content the part's bytes, without the CRLF that belongs to the next delimiter
 */
public record BodyPart(Map<String, String> headers, byte[] content) {

    public BodyPart {
        headers = Map.copyOf(headers);
    }

    /** The media type without parameters, lower case ("application/sdp"); "text/plain" when absent (RFC 2046 5.1). */
    public String mediaType() {
        String v = headers.get("content-type");
        if (v == null) {
            return "text/plain";
        }
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The disposition type without parameters, lower case ("recording-session"), or "" when absent. */
    public String disposition() {
        String v = headers.get("content-disposition");
        if (v == null) {
            return "";
        }
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
