package io.earpiece.media;

import java.net.InetSocketAddress;

/**
 * A call's media anchored in Earpiece: RTP from side A's phone is sent on to side B's phone and back (transcoded
 * when the sides negotiated different codecs), and each direction is tapped into its party's decode pipeline. A
 * tap that falls behind skips packets; forwarding never waits for it. Closing frees both ports, flushes both taps
 * and finishes their recordings.
 */
public interface MediaRelay extends AutoCloseable {

    /** Which of the two legs. */
    enum Side {
        A, B;

        public Side other() {
            return this == A ? B : A;
        }
    }

    /** The UDP port to advertise in the SDP sent to side A's phone. */
    int aLocalPort();

    /** The UDP port to advertise in the SDP sent to side B's phone. */
    int bLocalPort();

    default int localPort(Side side) {
        return side == Side.A ? aLocalPort() : bLocalPort();
    }

    /**
     * A re-INVITE on {@code side} named a new address or payload type; the codec follows from a static payload type
     * (0, 8) or stays the side's current one, and the telephone-event type is kept. A latching side latches afresh.
     */
    void updateRemote(Side side, InetSocketAddress remote, int payloadType);

    /** A re-INVITE on {@code side} changed its address, codec or telephone-event payload type. */
    void updateRemote(Side side, InetSocketAddress remote, AudioCodec codec, int payloadType, int telephoneEventPt);

    /**
     * An offer/answer agreed what {@code side}'s phone sends and expects from now on; its address stays. Packets
     * between the sides are transcoded when their codecs differ, telephone events carry each side's own payload
     * type, and the side's tap decodes (and detects digits) with the new format, packets already taken first with
     * the old one.
     */
    void format(Side side, AudioCodec codec, int payloadType, int telephoneEventPt);

    /**
     * Puts {@code side} on hold or takes it off: call it with true when that side's latest SDP says sendonly or
     * inactive (it does not want media). Nothing is sent toward a held side. While either side is held the call is
     * suspended for the assistant: neither direction is tapped and media timeouts are not reported; audio the
     * holding phone sends (music on hold) still reaches the other side.
     */
    void hold(Side side, boolean onHold);

    /**
     * A re-INVITE on {@code side} re-keyed its SRTP, or switched it on or off (null: clear RTP from now on). A
     * key equal to the current one keeps the rollover counters and replay windows.
     */
    void srtp(Side side, io.earpiece.media.srtp.SrtpKeys keys);

    /** Counters of the packets {@code side}'s phone sent. */
    RelayStats stats(Side side);

    @Override
    void close();
}
