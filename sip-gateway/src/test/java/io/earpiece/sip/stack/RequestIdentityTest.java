package io.earpiece.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdentityTest {
    static SIPRequest request(String method, String callId, long cseq, String fromTag) throws Exception {
        return request(method, callId, cseq, fromTag, "UDP 127.0.0.1:5062");
    }

    static SIPRequest request(String method, String callId, long cseq, String fromTag, String sentBy)
            throws Exception {
        String cseqMethod = method;
        String text = method + " sip:a@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/" + sentBy + ";branch=z9hG4bKkdjuw\r\n"
                + "From: <sip:b@example.com>;tag=" + fromTag + "\r\nTo: <sip:a@example.com>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + cseqMethod + "\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:b@127.0.0.1:5062>\r\nContent-Length: 0\r\n\r\n";
        return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.US_ASCII), true,
                false, null);
    }

    @Test
    void aRetransmissionAndTheAckOfAFailureJoinTheTransaction() throws Exception {
        RequestIdentity invite = RequestIdentity.of(request("INVITE", "c1", 5, "t1"));
        assertThat(invite.sameTransaction(request("INVITE", "c1", 5, "t1"))).isTrue();
        assertThat(invite.sameTransaction(request("ACK", "c1", 5, "t1"))).isTrue();
    }

    @Test
    void aNewRequestReusingTheBranchDoesNot() throws Exception {
        // RFC 4475's messages share branch z9hG4bKkdjuw; each is a request of its own.
        RequestIdentity invite = RequestIdentity.of(request("INVITE", "c1", 5, "t1"));
        assertThat(invite.sameTransaction(request("INVITE", "c2", 5, "t1"))).isFalse();
        assertThat(invite.sameTransaction(request("INVITE", "c1", 6, "t1"))).isFalse();
        assertThat(invite.sameTransaction(request("INVITE", "c1", 5, "t2"))).isFalse();
        assertThat(invite.sameTransaction(request("REGISTER", "c1", 5, "t1"))).isFalse();
        assertThat(RequestIdentity.of(request("OPTIONS", "c1", 5, "t1"))
                .sameTransaction(request("ACK", "c1", 5, "t1"))).isFalse();
    }

    @Test
    void theSameRequestFromAnotherSentByOrTransportDoesNot() throws Exception {
        // RFC 3261 17.2.3: sent-by is part of the match; a client resending over TCP what it sent over UDP.
        RequestIdentity udp = RequestIdentity.of(request("OPTIONS", "c1", 5, "t1", "UDP 127.0.0.1:5062"));
        assertThat(udp.sameTransaction(request("OPTIONS", "c1", 5, "t1", "TCP 127.0.0.1:40312"))).isFalse();
        assertThat(udp.sameTransaction(request("OPTIONS", "c1", 5, "t1", "TCP 127.0.0.1:5062"))).isFalse();
        assertThat(udp.sameTransaction(request("OPTIONS", "c1", 5, "t1", "UDP 127.0.0.2:5062"))).isFalse();
        // The received and rport the stack adds to the Via do not make a retransmission new.
        assertThat(udp.sameTransaction(request("OPTIONS", "c1", 5, "t1",
                "udp 127.0.0.1:5062;received=127.0.0.1;rport=5062"))).isTrue();
    }

    @Test
    void anUnknownOriginalMatchesAsTheStockStackWould() throws Exception {
        assertThat(RequestIdentity.of(null)).isSameAs(RequestIdentity.NONE);
        assertThat(RequestIdentity.NONE.sameTransaction(request("OPTIONS", "c", 1, "t"))).isTrue();
    }
}
