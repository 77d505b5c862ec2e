package io.earpiece.media.leg;

import java.net.InetSocketAddress;

/**
 * Decides whether a datagram's sender is this leg's peer. With a concrete remote address only that address (and
 * port, unless it is 0) is accepted. With no remote, or an unspecified IP such as 0.0.0.0, the first sender whose
 * packet is fully accepted is latched (symmetric RTP) and only it is accepted afterwards.
 */
public final class SourceFilter {

    private InetSocketAddress expected;
    private InetSocketAddress latched;

    public SourceFilter(InetSocketAddress remote) {
        expect(remote);
    }

    /** A re-INVITE named a new peer address; a latching remote re-latches on the next accepted packet. */
    public void expect(InetSocketAddress remote) {
        this.expected = remote;
        this.latched = null;
    }

    public boolean admits(InetSocketAddress sender) {
        if (latching()) {
            return latched == null || latched.equals(sender);
        }
        if (!expected.getAddress().equals(sender.getAddress())) {
            return false;
        }
        return expected.getPort() == 0 || expected.getPort() == sender.getPort();
    }

    /** Records the sender of an accepted packet; only the first one counts while latching. */
    public void accepted(InetSocketAddress sender) {
        if (latching() && latched == null) {
            latched = sender;
        }
    }

    private boolean latching() {
        return expected == null || expected.getAddress() == null || expected.getAddress().isAnyLocalAddress();
    }
}
