package io.earpiece.sip.trunk;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.outbound.LegAddressing;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;

/**
 * What a request to a trunk says about its transport (RFC 3261 19.1.4, 18): the Request-URI ({@code sips:} over
 * TLS, {@code ;transport=tcp} over TCP, as before over UDP), the Via and the Contact (Earpiece's port for that
 * transport, {@code sips:} over TLS, so the carrier's requests in the dialog come back the same way). Over TLS it
 * also gives the stack the trunk's own TLS context, so the carrier's certificate is checked against the trunk's pin
 * or CA and the trunk's client certificate is shown. The one place REGISTER, the B2BUA's outgoing leg and DialOut
 * build these from.
 */
public final class TrunkAddressing implements LegAddressing {
    private final TrunkConfig trunk;
    private final SipContext sip;

    private TrunkAddressing(TrunkConfig trunk, SipContext sip) {
        this.trunk = trunk;
        this.sip = sip;
    }

    /**
     * @throws IllegalStateException when the gateway does not listen on the trunk's transport (it could neither send
     *                               over it nor take the carrier's requests back)
     * @throws io.earpiece.sip.tls.TlsMaterialException naming a TLS file of the trunk that cannot be used
     */
    public static TrunkAddressing of(TrunkConfig trunk, SipContext sip) {
        String transport = trunk.transport();
        if (!sip.ports().offers(transport)) {
            throw new IllegalStateException("trunk " + trunk.id() + " uses " + transport
                    + " but Earpiece does not listen on it (" + (transport.equals("tls")
                    ? "set earpiece.sip.tls.port and a certificate" : "set earpiece.sip.tcp=true") + ")");
        }
        if (transport.equals("tls")) {
            try {
                // Built again only when the trunk's settings or files changed (renewed files picked up at once).
                sip.tlsClients().use(trunk.host(), trunk.port(), TrunkTlsContext.settings(trunk.tls(), trunk.host()),
                        () -> TrunkTlsContext.build(trunk.tls(), trunk.host()));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("trunk " + trunk.id() + ": unknown host " + trunk.host(), e);
            }
        }
        return new TrunkAddressing(trunk, sip);
    }

    @Override
    public String transport() {
        return trunk.transport();
    }

    private boolean tls() {
        return trunk.transport().equals("tls");
    }

    /** {@code user@host:port} at the trunk, for the Request-URI and the REGISTER's registrar (user null). */
    public SipURI requestUri(String user) throws ParseException {
        SipURI uri = sip.addresses().createSipURI(user, trunk.host());
        uri.setPort(trunk.port());
        if (tls()) {
            // RFC 5630 3.2: sips: alone asks for TLS on every hop; transport=tls is deprecated.
            uri.setSecure(true);
        } else if (trunk.transport().equals("tcp")) {
            uri.setTransportParam("tcp");
        }
        return uri;
    }

    /** The top Via for a new request to the trunk, with rport (NAT on the way). */
    @Override
    public ViaHeader via() throws ParseException, InvalidArgumentException {
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.ports().port(trunk.transport()),
                trunk.transport(), null);
        via.setRPort();
        return via;
    }

    /** Earpiece's Contact toward the trunk: its port for the trunk's transport. */
    @Override
    public ContactHeader contact(String user) throws ParseException {
        return sip.contacts().header(user, trunk.transport(), tls());
    }

    /** The URI of {@link #contact}. */
    public SipURI contactUri(String user) throws ParseException {
        return sip.contacts().uri(user, trunk.transport(), tls());
    }
}
