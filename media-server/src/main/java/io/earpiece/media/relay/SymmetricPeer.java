package io.earpiece.media.relay;

import java.net.InetSocketAddress;

/**
 * One phone's media address as the relay sees it. Latching (symmetric RTP, comedia): the first accepted packet's
 * source becomes both the only admitted source and the send target, so a NAT'd phone is reached at its public
 * address whatever its SDP said; until then packets go to the SDP address. Without latching only the SDP address
 * is admitted (any port when it is 0) and used. A new SDP address starts latching afresh. Not thread-safe.
 */
public final class SymmetricPeer {

    private final boolean latch;
    private InetSocketAddress sdp;
    private InetSocketAddress latched;

    public SymmetricPeer(InetSocketAddress sdp, boolean latch) {
        this.latch = latch;
        expect(sdp);
    }

    /** A re-INVITE named a new address. */
    public void expect(InetSocketAddress address) {
        this.sdp = address;
        this.latched = null;
    }

    public boolean admits(InetSocketAddress sender) {
        if (latching()) {
            return latched == null || latched.equals(sender);
        }
        return sdp.getAddress().equals(sender.getAddress()) && (sdp.getPort() == 0 || sdp.getPort() == sender.getPort());
    }

    /** Records the sender of an accepted packet; only the first one counts while latching. */
    public void accepted(InetSocketAddress sender) {
        if (latching() && latched == null) {
            latched = sender;
        }
    }

    /** Where to send this phone's media now, or null when nothing is known yet. */
    public InetSocketAddress target() {
        if (latched != null) {
            return latched;
        }
        return specified(sdp) ? sdp : null;
    }

    private boolean latching() {
        return latch || !specified(sdp);
    }

    private static boolean specified(InetSocketAddress address) {
        return address != null && address.getAddress() != null && !address.getAddress().isAnyLocalAddress()
                && address.getPort() != 0;
    }
}
