package io.earpiece.media;

import java.net.InetSocketAddress;

/**
 * Counters of one relay side: the packets its phone sent and what became of them.
 *
 * @param peer                    where packets for this phone go now (latched or from SDP), or null when unknown
 * @param packetsReceived         valid RTP from the phone (audio and telephone-event)
 * @param packetsForwarded        of those, sent on to the other side
 * @param notForwarded            accepted but not sent on: the other side is on hold, has no address yet, did not
 *                                negotiate telephone-event, or the payload could not be transcoded
 * @param droppedMalformed        datagrams that were not RTP
 * @param droppedWrongSource      packets from an address other than the phone's
 * @param droppedWrongPayloadType packets of a payload type this side did not negotiate
 * @param tapDropped              accepted packets the tap skipped because it was behind (forwarding went on)
 * @param tap                     the tap's own reception statistics (loss, jitter, codec)
 * @param encrypted               this side's media is SRTP (both directions)
 * @param droppedSrtpAuthFailed   SRTP packets from the phone whose authentication failed (wrong key, altered)
 * @param droppedSrtpReplayed     SRTP packets from the phone refused as replays
 */
public record RelayStats(InetSocketAddress peer, long packetsReceived, long packetsForwarded, long notForwarded,
                         long droppedMalformed, long droppedWrongSource, long droppedWrongPayloadType,
                         long tapDropped, RtpStats tap, boolean encrypted, long droppedSrtpAuthFailed,
                         long droppedSrtpReplayed) {
}
