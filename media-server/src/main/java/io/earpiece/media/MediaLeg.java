package io.earpiece.media;

import io.earpiece.media.srtp.SrtpKey;

import java.net.InetSocketAddress;

/** One leg's open RTP endpoint. Closing it flushes the jitter buffer, finishes the recording and frees the port. */
public interface MediaLeg extends AutoCloseable {

    String legId();

    /** The local UDP port to advertise in SDP. */
    int localPort();

    /** Counters so far. */
    RtpStats stats();

    /** A re-INVITE moved the peer or changed the codec. */
    void updateRemote(InetSocketAddress remote, int payloadType);

    /**
     * A re-INVITE moved the peer, changed the codec or re-keyed SRTP: {@code srtp} is the key the peer now encrypts
     * with, or null for clear RTP.
     */
    default void updateRemote(InetSocketAddress remote, int payloadType, SrtpKey srtp) {
        if (srtp != null) {
            throw new UnsupportedOperationException("this leg cannot decrypt SRTP");
        }
        updateRemote(remote, payloadType);
    }

    /**
     * Starts sending {@code stream}'s packets from this leg's port to {@code to}, one every 20 ms, until the leg
     * closes or another stream replaces it (a silent participant: silence and DTMF).
     */
    default void transmit(io.earpiece.media.send.RtpSendStream stream, InetSocketAddress to) {
        throw new UnsupportedOperationException("this leg cannot send");
    }

    @Override
    void close();
}
