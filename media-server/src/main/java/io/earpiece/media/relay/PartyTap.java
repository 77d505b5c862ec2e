package io.earpiece.media.relay;

import io.earpiece.media.RtpStats;

import java.net.InetSocketAddress;

/** Where a relay hands one party's packets for decoding; must never block the caller. */
public interface PartyTap {

    /** Takes a copy of an accepted datagram, or returns false (and counts it) when the tap is too far behind. */
    boolean offer(InetSocketAddress sender, byte[] datagram, long arrivalNanos);

    /** The side's codec or payload types changed. */
    void formatChanged(RtpFormat format);

    /** The side sent nothing for the media timeout. */
    void mediaTimedOut();

    /** Datagrams refused because the tap was behind. */
    long dropped();

    RtpStats stats();
}
