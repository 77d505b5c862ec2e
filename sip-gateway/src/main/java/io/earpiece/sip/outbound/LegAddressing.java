package io.earpiece.sip.outbound;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContactHeader;
import javax.sip.header.ViaHeader;

/**
 * How an outgoing leg says which transport it is on: the top Via of each new request and our Contact, so the peer's
 * answers and later requests in the dialog come back over the same transport. A trunk's and a registered device's
 * are the two kinds; {@link OutgoingCall} builds every request of the leg from one of them.
 */
public interface LegAddressing {

    /** {@code udp}, {@code tcp} or {@code tls}: the transport the leg's requests go over. */
    String transport();

    /** The top Via for a new request on this leg, with rport (NAT on the way). */
    ViaHeader via() throws ParseException, InvalidArgumentException;

    /** Earpiece's Contact on this leg, with {@code user} as its user part. */
    ContactHeader contact(String user) throws ParseException;

    /**
     * The RFC 5626 flow every request of the leg must go over (a device registered over its own connection), or
     * null where the leg is routed by its Request-URI (trunks, devices without outbound).
     */
    default io.earpiece.sip.flow.Flow flow() {
        return null;
    }
}
