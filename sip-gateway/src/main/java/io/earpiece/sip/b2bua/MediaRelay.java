package io.earpiece.sip.b2bua;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Anchors a relayed call's media: two local RTP endpoints, one facing each leg, forwarding between them.
 * Implemented by the media server (with per-direction taps); the B2BUA only places the endpoints in SDP and
 * says where each side's peer wants media.
 */
public interface MediaRelay {

    /**
     * Opens a relay for a call.
     *
     * @param callId    the B2BUA call id, for logs and taps
     * @param repIsLegA true when leg A (the caller's side) is the rep, false when leg B is
     */
    Relay open(String callId, boolean repIsLegA) throws IOException;

    /** One call's pair of endpoints. */
    interface Relay extends AutoCloseable {
        /** The local endpoint advertised to leg A's peer. */
        InetSocketAddress legA();

        /** The local endpoint advertised to leg B's peer. */
        InetSocketAddress legB();

        /** Where leg A's peer wants media (from its SDP); may change on re-INVITE. */
        void remoteA(InetSocketAddress remote);

        /** Where leg B's peer wants media (from its SDP). */
        void remoteB(InetSocketAddress remote);

        /**
         * Whether leg A's ({@code legA}) or leg B's peer wants media changed: {@code held} when its SDP now says
         * sendonly or inactive, so nothing should be sent toward it. Called once a re-INVITE is answered, for the
         * peer that sent it ({@code requested}: it put the call on hold or took it off) and for the peer that
         * answered it, each only when its state changed.
         */
        void hold(boolean legA, boolean held, boolean requested);

        /**
         * Leg A's or leg B's SRTP keys as negotiated with its peer ({@code keys} null: clear RTP): the relay
         * decrypts what that peer sends and encrypts what goes to it. Each leg is independent. A relay that cannot
         * do SRTP refuses keys.
         */
        default void srtp(boolean legA, io.earpiece.sip.sdp.SdesSession keys) {
            if (keys != null) {
                throw new UnsupportedOperationException("this media relay has no SRTP");
            }
        }

        /**
         * What leg A's ({@code legA}) or leg B's peer sends and expects from now on, once an offer/answer is agreed
         * (the call's answer, early media, an answered re-INVITE): the relay transcodes when the legs' codecs differ
         * and rewrites telephone-event payload types, and each leg's tap decodes with its leg's format. A relay that
         * forwards bytes as they come may ignore it.
         */
        default void format(boolean legA, RelayPlan.LegFormat format) {
        }

        /**
         * How leg A's ({@code legA}) or leg B's peer is reached, once agreed (leg A with the INVITE, leg B with
         * its answer; again when a re-INVITE changes its SRTP): the SIP transport ({@code udp}, {@code tcp},
         * {@code tls}) and whether its media is SRTP. For the call's record; nothing changes in forwarding.
         */
        default void carried(boolean legA, String sipTransport, boolean srtp) {
        }

        /** Stops forwarding and releases the ports. */
        @Override
        void close();
    }
}
