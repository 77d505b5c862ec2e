package io.earpiece.media.relay;

import io.earpiece.media.MediaRelay;

import java.net.InetSocketAddress;

/** Sends a datagram from the relay's socket of one side, so the phone sees it come from the port it was given. */
public interface PacketOut {

    void send(MediaRelay.Side fromSocketOf, InetSocketAddress target, byte[] datagram);
}
