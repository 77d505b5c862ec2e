package io.earpiece.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;

import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import io.earpiece.sip.flow.Flow;
import io.earpiece.sip.flow.Flows;

import java.io.IOException;
import java.text.ParseException;
import java.util.Properties;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.address.Hop;

/**
 * The stock stack, except that a server transaction is matched by more than its branch: JAIN-SIP keys server
 * transactions by the top Via's branch alone, so a client that reuses a branch for a new request (a different
 * Call-ID, CSeq or method, or the same request again from another sent-by or over another transport; RFC 4475's
 * torture messages do, and so do some broken phones) had that request taken
 * for a retransmission of the old one and answered with the old response, or with nothing at all. Here a request
 * joins an existing server transaction only if it is the same request (see {@link RequestIdentity}); anything
 * else gets a transaction of its own, as RFC 3261 17.2.3 intends.
 *
 * <p>And a request larger than {@link #UDP_LIMIT} that would go over UDP goes over TCP instead, its top Via saying
 * so (RFC 3261 18.1.1: the path MTU is unknown, and a fragmented datagram is lost whole when one fragment is).
 * JAIN-SIP 1.3 sends it over UDP whatever its size. Only where TCP listens: without a TCP listening point there
 * is nothing to send from, and the datagram is still the better try.
 *
 * <p>And a request of a call pinned to an RFC 5626 flow ({@link Flows#pin}) goes over that flow's connection,
 * whatever its Request-URI says: the device behind NAT registered from there and can be reached nowhere else.
 */
public final class EarpieceSipStack extends SipStackImpl {
    /** RFC 3261 18.1.1: 1300 bytes when the path MTU is unknown (200 below Ethernet's 1500). */
    public static final int UDP_LIMIT = 1300;

    private final Flows flows;

    /**
     * @param flows where calls pinned to a device's connection are looked up; the processors report closed
     *              connections to it when {@code properties} name {@link FlowWatchingProcessors}
     */
    public EarpieceSipStack(Properties properties, Flows flows) throws PeerUnavailableException {
        super(properties);
        this.flows = java.util.Objects.requireNonNull(flows, "flows");
    }

    /** The gateway's flows (see {@link FlowWatchingProcessors}). */
    public Flows flows() {
        return flows;
    }

    @Override
    public Hop getNextHop(SIPRequest request) throws SipException {
        if (request.getCallId() != null) {
            java.util.Optional<Flow> flow = flows.pinned(request.getCallId().getCallId());
            if (flow.isPresent()) {
                Flow f = flow.get();
                return new HopImpl(f.ip(), f.port(), f.transport().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return super.getNextHop(request);
    }

    @Override
    public MessageChannel createMessageChannel(SIPRequest request, MessageProcessor processor, Hop hop)
            throws IOException {
        if ("UDP".equalsIgnoreCase(hop.getTransport()) && request.encodeAsBytes("UDP").length > UDP_LIMIT) {
            MessageProcessor tcp = tcpProcessor();
            if (tcp != null) {
                try {
                    request.getTopmostVia().setTransport("TCP");
                } catch (ParseException e) {
                    throw new IOException("cannot switch the Via to TCP", e);
                }
                return super.createMessageChannel(request, tcp, new HopImpl(hop.getHost(), hop.getPort(), "TCP"));
            }
        }
        return super.createMessageChannel(request, processor, hop);
    }

    private MessageProcessor tcpProcessor() {
        for (MessageProcessor p : getMessageProcessors()) {
            if ("TCP".equalsIgnoreCase(p.getTransport())) {
                return p;
            }
        }
        return null;
    }

    @Override
    public SIPServerTransaction createServerTransaction(MessageChannel channel) {
        // The stock method may refuse (null) when the transaction table is over its high-water mark.
        SIPServerTransaction stock = super.createServerTransaction(channel);
        return stock == null ? null : new DistinctServerTransaction(this, channel);
    }

    @Override
    public SIPTransaction findTransaction(SIPMessage message, boolean isServer) {
        SIPTransaction found = super.findTransaction(message, isServer);
        if (isServer && message instanceof SIPRequest request && found instanceof DistinctServerTransaction t
                && !t.identity().sameTransaction(request)) {
            return null;
        }
        return found;
    }
}
