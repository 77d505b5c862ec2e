package io.earpiece.sip.uas;

import io.earpiece.sip.stack.Transports;

import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;

/**
 * Earpiece's own Contact for a transport: its advertised host, its port for that transport, and {@code sips:} or
 * {@code ;transport=}. The one place bot legs, SIPREC, the B2BUA, outgoing calls and trunks build it, so that a
 * peer's later requests in a dialog come back on the transport (and with the security) the dialog started on.
 */
public record OwnContacts(AddressFactory addresses, HeaderFactory headers, String host, ContactPorts ports) {

    /**
     * {@code user@host:port} for {@code transport} ({@code udp}, {@code tcp}, {@code tls}; null is UDP): a
     * {@code sips:} URI when {@code sips} and the transport is TLS (RFC 5630: no {@code ;transport=tls} then),
     * else {@code ;transport=} naming it.
     */
    public SipURI uri(String user, String transport, boolean sips) throws ParseException {
        String t = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(ports.port(t));
        if (sips && t.equals("tls")) {
            uri.setSecure(true);
        } else {
            uri.setTransportParam(t);
        }
        return uri;
    }

    /** The Contact header of {@link #uri}. */
    public ContactHeader header(String user, String transport, boolean sips) throws ParseException {
        return headers.createContactHeader(addresses.createAddress(uri(user, transport, sips)));
    }

    /**
     * Our Contact in answers to {@code request}: the transport it really arrived over, and {@code sips:} when it came
     * over TLS to a {@code sips:} Request-URI (RFC 3261 12.1.1), as a carrier over TLS sends to the Contact a trunk
     * registered. A {@code sip:} Request-URI over TLS gets {@code ;transport=tls}: the peer asked for TLS on this hop
     * only.
     */
    public ContactHeader answering(String user, Request request) throws ParseException {
        boolean sips = request.getRequestURI().isSipURI() && ((SipURI) request.getRequestURI()).isSecure();
        return header(user, Transports.of(request), sips);
    }
}
