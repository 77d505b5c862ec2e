package io.earpiece.sip.register;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A REGISTER's Path (RFC 3327): the proxies between the device and the registrar, to route requests back through. */
final class PathHeaders {
    /** The longest Path kept, its entries joined by line breaks (the database column's size); longer gets 400. */
    static final int MAX_LENGTH = 2048;
    private static final String NAME = "Path";

    private PathHeaders() {
    }

    /** The Path entries in order (the first is the proxy nearest the registrar), each a name-addr as received. */
    static List<String> of(Request request) {
        List<String> out = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(NAME); it.hasNext(); ) {
            Header h = (Header) it.next();
            out.addAll(split(h.toString().substring(h.getName().length() + 1).trim()));
        }
        return out;
    }

    /** Whether the device listed {@code path} in Supported, so the registrar echoes the Path in its 200. */
    static boolean supported(Request request) {
        for (ListIterator<?> it = request.getHeaders(SupportedHeader.NAME); it.hasNext(); ) {
            String tags = ((SupportedHeader) it.next()).getOptionTag();
            for (String tag : tags == null ? new String[0] : tags.split(",")) {
                if (tag.trim().equalsIgnoreCase("path")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies the request's Path headers, in order, into {@code response}. */
    static void copy(Request request, Response response) {
        for (ListIterator<?> it = request.getHeaders(NAME); it.hasNext(); ) {
            response.addHeader((Header) ((Header) it.next()).clone());
        }
    }

    /** One header's value split into its entries: commas inside {@code <>} or quotes do not separate. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '<') {
                depth++;
            } else if (!quoted && ch == '>') {
                depth--;
            } else if (!quoted && depth == 0 && ch == ',') {
                add(out, value.substring(start, i));
                start = i + 1;
            }
        }
        add(out, value.substring(start));
        return out;
    }

    private static void add(List<String> out, String entry) {
        if (!entry.isBlank()) {
            out.add(entry.trim());
        }
    }
}
