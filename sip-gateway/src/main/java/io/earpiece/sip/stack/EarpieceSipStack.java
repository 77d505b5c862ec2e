package io.earpiece.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;

import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * The stock stack, except that a server transaction is matched by more than its branch: JAIN-SIP keys server
 * transactions by the top Via's branch alone, so a client that reuses a branch for a new request (a different
 * Call-ID, CSeq or method; RFC 4475's torture messages do, and so do some broken phones) had that request taken
 * for a retransmission of the old one and answered with the old response, or with nothing at all. Here a request
 * joins an existing server transaction only if it is the same request (see {@link RequestIdentity}); anything
 * else gets a transaction of its own, as RFC 3261 17.2.3 intends.
 */
public final class EarpieceSipStack extends SipStackImpl {

    public EarpieceSipStack(Properties properties) throws PeerUnavailableException {
        super(properties);
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
