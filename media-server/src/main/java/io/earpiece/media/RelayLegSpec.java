package io.earpiece.media;

import io.earpiece.media.srtp.SrtpKeys;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One side of a relayed call: what that phone negotiated in its own SDP offer/answer.
 *
 * @param legId            identifies the party in frames, DTMF and timeouts reported to the side's tap
 * @param remote           the phone's media address from its SDP, or null when unknown
 * @param latch            symmetric RTP / comedia: send to whatever address the phone's first packet came from
 *                         (a NAT'd phone's SDP names a private address). Without it only {@code remote} is used.
 *                         A null or unspecified (0.0.0.0) remote always latches
 * @param codec            the audio codec this side negotiated
 * @param payloadType      its payload type (0 PCMU, 8 PCMA, 96-127 for Opus)
 * @param telephoneEventPt RFC 4733 payload type on this side (96-127), or -1 when not negotiated
 * @param recording        WAV file for this party's 16 kHz tap audio, or null for none
 * @param srtp             this side's SDES keys when its media is SRTP, or null for clear RTP; each side is
 *                         independent (SRTP toward the trunk, clear RTP toward a desk phone, or the reverse)
 */
public record RelayLegSpec(String legId, InetSocketAddress remote, boolean latch, AudioCodec codec, int payloadType,
                           int telephoneEventPt, Path recording, SrtpKeys srtp) {

    /** A side with clear RTP. */
    public RelayLegSpec(String legId, InetSocketAddress remote, boolean latch, AudioCodec codec, int payloadType,
                        int telephoneEventPt, Path recording) {
        this(legId, remote, latch, codec, payloadType, telephoneEventPt, recording, null);
    }

    public RelayLegSpec {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(codec, "codec");
        if (!codec.accepts(payloadType)) {
            throw new IllegalArgumentException("payload type " + payloadType + " cannot carry " + codec);
        }
        if (telephoneEventPt != -1 && (telephoneEventPt < 96 || telephoneEventPt > 127
                || telephoneEventPt == payloadType)) {
            throw new IllegalArgumentException("bad telephone-event payload type " + telephoneEventPt);
        }
    }

    /** A G.711 side (the codec follows from the static payload type 0 or 8) that latches to its sender. */
    public RelayLegSpec(String legId, InetSocketAddress remote, int payloadType, int telephoneEventPt,
                        Path recording) {
        this(legId, remote, true, g711(payloadType), payloadType, telephoneEventPt, recording);
    }

    /** The same side with SRTP keys (or null for clear RTP). */
    public RelayLegSpec withSrtp(SrtpKeys keys) {
        return new RelayLegSpec(legId, remote, latch, codec, payloadType, telephoneEventPt, recording, keys);
    }

    /** An Opus side on a dynamic payload type that latches to its sender. */
    public static RelayLegSpec opus(String legId, InetSocketAddress remote, int payloadType, int telephoneEventPt,
                                    Path recording) {
        return new RelayLegSpec(legId, remote, true, AudioCodec.OPUS, payloadType, telephoneEventPt, recording);
    }

    private static AudioCodec g711(int payloadType) {
        AudioCodec codec = AudioCodec.forStaticPayloadType(payloadType);
        if (codec == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711 (0 PCMU, 8 PCMA)");
        }
        return codec;
    }
}
