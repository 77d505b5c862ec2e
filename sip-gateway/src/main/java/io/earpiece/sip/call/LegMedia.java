package io.earpiece.sip.call;

import java.net.InetSocketAddress;

/** The local RTP endpoint opened for a leg, advertised in the SDP answer. */
public record LegMedia(InetSocketAddress local) {
}
