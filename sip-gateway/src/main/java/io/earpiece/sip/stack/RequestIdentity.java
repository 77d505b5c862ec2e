package io.earpiece.sip.stack;

import java.util.Locale;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * What a retransmission (or the ACK of a non-2xx final response) shares with the request that opened a server
 * transaction besides the branch: Call-ID, CSeq number, From tag and method (RFC 3261 8.1.1.7, 17.1.1.3), and the
 * top Via's sent-by and transport (RFC 3261 17.2.3 matches on sent-by too). Without the Via, the same request sent
 * again over TCP by a client that had sent it over UDP moments before (RFC 4475's messages reuse one branch; a
 * phone falling back from UDP to TCP does the same) was taken for a retransmission of the UDP request: the UDP
 * transaction swallowed it and the TCP connection got no answer.
 */
record RequestIdentity(String callId, long cseq, String fromTag, String method, String sentBy) {
    /** Matches everything: a transaction whose request is not known yet is not second-guessed. */
    static final RequestIdentity NONE = new RequestIdentity(null, -1, null, null, null);

    static RequestIdentity of(Request request) {
        if (request == null) {
            return NONE;
        }
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return new RequestIdentity(callId == null ? null : callId.getCallId(),
                cseq == null ? -1 : cseq.getSeqNumber(), from == null ? null : from.getTag(), request.getMethod(),
                sentBy((ViaHeader) request.getHeader(ViaHeader.NAME)));
    }

    /** "transport host:port" of the top Via as written (no port: -1); received and rport are not part of it. */
    private static String sentBy(ViaHeader via) {
        if (via == null) {
            return null;
        }
        return (via.getTransport() + " " + via.getHost() + ":" + via.getPort()).toLowerCase(Locale.ROOT);
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
                && java.util.Objects.equals(fromTag, other.fromTag) && java.util.Objects.equals(sentBy, other.sentBy);
    }
}
