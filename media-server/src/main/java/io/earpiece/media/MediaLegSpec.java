package io.earpiece.media;

import io.earpiece.media.srtp.SrtpKey;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What a leg's RTP endpoint needs to know.
 *
 * @param remote           the peer's media address from SDP; packets from other sources are dropped. When it is
 *                         null or its IP is unspecified (0.0.0.0), the sender of the first valid packet is
 *                         latched instead (symmetric RTP) and other sources are dropped from then on
 * @param payloadType      the negotiated audio payload type (0 PCMU, 8 PCMA)
 * @param telephoneEventPt RFC 4733 payload type, or -1
 * @param recording        WAV file to write the leg's 16 kHz audio to, or null for none
 * @param srtp             the key the peer encrypts its media with (SDES), or null for clear RTP
 */
public record MediaLegSpec(String legId, InetSocketAddress remote, int payloadType, int telephoneEventPt,
                           Path recording, SrtpKey srtp) {

    /** A leg with clear RTP. */
    public MediaLegSpec(String legId, InetSocketAddress remote, int payloadType, int telephoneEventPt,
                        Path recording) {
        this(legId, remote, payloadType, telephoneEventPt, recording, null);
    }
}
