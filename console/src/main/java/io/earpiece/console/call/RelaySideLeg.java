package io.earpiece.console.call;

import io.earpiece.media.MediaLeg;
import io.earpiece.media.MediaRelay;
import io.earpiece.media.RtpStats;

import java.net.InetSocketAddress;

/**
 * One side of a B2BUA media relay seen as a party's leg: its tap's counters, and closing it closes the relay
 * (both taps flush; the relay ignores the second close).
 */
final class RelaySideLeg implements MediaLeg {

    private final MediaRelay relay;
    private final MediaRelay.Side side;
    private final String legId;

    RelaySideLeg(MediaRelay relay, MediaRelay.Side side, String legId) {
        this.relay = relay;
        this.side = side;
        this.legId = legId;
    }

    @Override
    public String legId() {
        return legId;
    }

    @Override
    public int localPort() {
        return relay.localPort(side);
    }

    @Override
    public RtpStats stats() {
        return relay.stats(side).tap();
    }

    @Override
    public void updateRemote(InetSocketAddress remote, int payloadType) {
        relay.updateRemote(side, remote, payloadType);
    }

    @Override
    public void close() {
        relay.close();
    }
}
