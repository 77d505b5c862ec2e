package io.earpiece.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * A server transaction that a request with the same branch but another Call-ID, CSeq, From tag, or top Via sent-by
 * or transport does not join.
 */
final class DistinctServerTransaction extends SIPServerTransactionImpl {
    private volatile RequestIdentity identity = RequestIdentity.NONE;

    DistinctServerTransaction(SIPTransactionStack stack, MessageChannel channel) {
        super(stack, channel);
    }

    RequestIdentity identity() {
        return identity;
    }

    @Override
    public void setOriginalRequest(SIPRequest request) {
        super.setOriginalRequest(request);
        // Kept apart from the request, which the stack may release once the transaction completes.
        identity = RequestIdentity.of(request);
    }

    @Override
    public boolean isMessagePartOfTransaction(SIPMessage message) {
        if (!super.isMessagePartOfTransaction(message)) {
            return false;
        }
        return !(message instanceof SIPRequest request) || identity.sameTransaction(request);
    }
}
