package io.earpiece.media.rtp;

import java.util.Arrays;

/**
 * One parsed RTP packet (RFC 3550). Timestamp and SSRC are unsigned 32-bit values held in longs.
 *
 * @param extensionProfile the header extension's profile identifier, or -1 when the packet has none
 * @param payload          the payload with any padding already removed
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        int[] csrcs, int extensionProfile, byte[] payload) {

    /** A packet without CSRCs or header extension, the common case for a two-party call. */
    public static RtpPacket simple(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                                   byte[] payload) {
        return new RtpPacket(marker, payloadType, sequenceNumber & 0xFFFF, timestamp & 0xFFFF_FFFFL,
                ssrc & 0xFFFF_FFFFL, new int[0], -1, payload);
    }

    // Arrays need content equality so that round-trip tests compare what was on the wire.
    @Override
    public boolean equals(Object o) {
        return o instanceof RtpPacket p && marker == p.marker && payloadType == p.payloadType
                && sequenceNumber == p.sequenceNumber && timestamp == p.timestamp && ssrc == p.ssrc
                && extensionProfile == p.extensionProfile && Arrays.equals(csrcs, p.csrcs)
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(ssrc) + sequenceNumber) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=" + ssrc
                + ", marker=" + marker + ", payload=" + payload.length + "B]";
    }
}
