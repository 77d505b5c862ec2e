package io.earpiece.sip;

import io.earpiece.sip.flow.Flows;
import io.earpiece.sip.tls.TlsClients;
import io.earpiece.sip.uas.ContactPorts;
import io.earpiece.sip.uas.OwnContacts;

import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * What features built on a started {@link SipGateway} (registrar, trunks, B2BUA) need to send and answer SIP
 * through its one stack and port.
 *
 * @param host          the address put in Via/Contact (the gateway's advertised host)
 * @param port          the bound UDP port
 * @param ports         the ports per transport, for a Via and Contact over TCP or TLS
 * @param tlsClients    the TLS contexts outgoing connections use, per destination (a trunk's pin or CA)
 * @param flows         RFC 5626 flows: calls pinned to a registered device's connection, and connections ending
 */
public record SipContext(SipProvider provider, MessageFactory messages, HeaderFactory headers,
                         AddressFactory addresses, String host, int port, String userAgent, ContactPorts ports,
                         TlsClients tlsClients, Flows flows) {

    /** Earpiece's Contact per transport, built the one way every feature uses. */
    public OwnContacts contacts() {
        return new OwnContacts(addresses, headers, host, ports);
    }
}
