package io.earpiece.sip.stack;

import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * What a retransmission (or the ACK of a non-2xx final response) shares with the request that opened a server
 * transaction besides the branch: Call-ID, CSeq number, From tag and method (RFC 3261 8.1.1.7, 17.1.1.3).
 */
record RequestIdentity(String callId, long cseq, String fromTag, String method) {
    /** Matches everything: a transaction whose request is not known yet is not second-guessed. */
    static final RequestIdentity NONE = new RequestIdentity(null, -1, null, null);

    static RequestIdentity of(Request request) {
        if (request == null) {
            return NONE;
        }
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return new RequestIdentity(callId == null ? null : callId.getCallId(),
                cseq == null ? -1 : cseq.getSeqNumber(), from == null ? null : from.getTag(), request.getMethod());
    }

    /** Whether {@code request} belongs to the transaction this request opened. */
    boolean sameTransaction(Request request) {
        if (this == NONE) {
            return true;
        }
        RequestIdentity other = of(request);
        boolean sameMethod = method.equals(other.method)
                || (Request.ACK.equals(other.method) && Request.INVITE.equals(method));
        return sameMethod && java.util.Objects.equals(callId, other.callId) && cseq == other.cseq
                && java.util.Objects.equals(fromTag, other.fromTag);
    }
}
