package io.earpiece.media;

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

    @Override
    void close();
}
