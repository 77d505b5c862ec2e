package io.earpiece.media;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What a leg's RTP endpoint needs to know.
 *
 * @param remote           the peer's media address from SDP; packets from other sources are dropped
 *                         once the first valid packet latched the source (symmetric RTP)
 * @param payloadType      the negotiated audio payload type (0 PCMU, 8 PCMA)
 * @param telephoneEventPt RFC 4733 payload type, or -1
 * @param recording        WAV file to write the leg's 16 kHz audio to, or null for none
 */
public record MediaLegSpec(String legId, InetSocketAddress remote, int payloadType, int telephoneEventPt,
                           Path recording) {
}
