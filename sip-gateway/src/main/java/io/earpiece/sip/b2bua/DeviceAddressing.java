package io.earpiece.sip.b2bua;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.flow.Flow;
import io.earpiece.sip.outbound.LegAddressing;
import io.earpiece.sip.trunk.TrunkConfig;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;

/**
 * How the B2BUA reaches a device (a rep's registered phone, a fallback URI) over the transport it asked for
 * (RFC 3261 18.1.1, 19.1.4): {@code sips:} means TLS, else the Contact's {@code ;transport=}, else the transport its
 * REGISTER came over (a phone that registered over TCP without saying so is rung over TCP too, the Request-URI then
 * naming it so the stack picks it), else UDP. Our Via and Contact name the same transport, and {@code sips:} when the
 * device's URI is one, so the device's answers and in-dialog requests come back the same way.
 *
 * <p>A device registered with an RFC 5626 flow is reached over that connection alone, with the flow's transport: its
 * Contact often names a private address behind NAT that nothing can connect to (the B2BUA pins the leg to the flow,
 * see {@link io.earpiece.sip.flow.Flows}).
 */
public final class DeviceAddressing implements LegAddressing {
    private final SipContext sip;
    private final SipURI requestUri;
    private final String transport;
    private final Flow flow;
    private final List<String> route;

    private DeviceAddressing(SipContext sip, SipURI requestUri, String transport, Flow flow, List<String> route) {
        this.sip = sip;
        this.requestUri = requestUri;
        this.transport = transport;
        this.flow = flow;
        this.route = route;
    }

    /** A configured URI or a device registered directly without a flow: no Path. */
    public static DeviceAddressing of(URI target, String registeredOver, SipContext sip) throws ParseException {
        return of(target, registeredOver, null, List.of(), sip);
    }

    /**
     * @param target       the device's Contact (or the configured URI)
     * @param registeredOver the transport its REGISTER came over; null when unknown (a configured URI)
     * @param flow         the RFC 5626 flow it registered, or null: its transport then decides
     * @param path         the Path its REGISTER came through (RFC 3327), empty when none: the INVITE then carries it
     *                     as its Route set and goes to the first entry, over that entry's transport, so an edge proxy
     *                     that holds the device's connection (any node's REGISTER, any node's INVITE) reaches it
     * @throws IllegalArgumentException when {@code target} is not a SIP URI or names a transport SIP has not
     * @throws IllegalStateException    when the gateway does not listen on that transport (it could not take the
     *                                  device's answers in the dialog)
     */
    public static DeviceAddressing of(URI target, String registeredOver, Flow flow, List<String> path, SipContext sip)
            throws ParseException {
        if (!(target instanceof SipURI uri)) {
            throw new IllegalArgumentException("not a SIP URI: " + target);
        }
        SipURI r = (SipURI) uri.clone();
        String transport;
        if (flow != null) {
            transport = flow.transport();
        } else if (!path.isEmpty()) {
            // the first hop is the proxy the Path names; how it reaches the device is its business
            URI hop = ((RouteHeader) sip.headers().createHeader(RouteHeader.NAME, path.get(0))).getAddress().getURI();
            if (!(hop instanceof SipURI h)) {
                throw new IllegalArgumentException("Path entry is not a SIP URI: " + path.get(0));
            }
            transport = h.isSecure() ? "tls"
                    : h.getTransportParam() != null ? h.getTransportParam().toLowerCase(Locale.ROOT) : "udp";
        } else if (r.isSecure()) {
            transport = "tls";
        } else if (r.getTransportParam() != null) {
            transport = r.getTransportParam().toLowerCase(Locale.ROOT);
        } else if (registeredOver != null && !registeredOver.equalsIgnoreCase("udp")) {
            transport = registeredOver.toLowerCase(Locale.ROOT);
            r.setTransportParam(transport);
        } else {
            transport = "udp";
        }
        if (!TrunkConfig.TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException("unknown transport " + transport + " in " + target);
        }
        if (!sip.ports().offers(transport)) {
            throw new IllegalStateException(target + " is reached over " + transport
                    + " but Earpiece does not listen on it (" + (transport.equals("tls")
                    ? "set earpiece.sip.tls.port and a certificate" : "set earpiece.sip.tcp=true") + ")");
        }
        return new DeviceAddressing(sip, r, transport, flow, List.copyOf(path));
    }

    /** The INVITE's Request-URI: the device's URI, with the transport it registered over when it named none. */
    public SipURI requestUri() {
        return requestUri;
    }

    @Override
    public Flow flow() {
        return flow;
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public List<String> route() {
        return route;
    }

    @Override
    public ViaHeader via() throws ParseException, InvalidArgumentException {
        ViaHeader via = sip.headers().createViaHeader(sip.host(), sip.ports().port(transport), transport, null);
        via.setRPort();
        return via;
    }

    @Override
    public ContactHeader contact(String user) throws ParseException {
        return sip.contacts().header(user, transport, requestUri.isSecure());
    }
}
