package io.earpiece.media;

/**
 * Per-leg RTP counters.
 *
 * @param packetsReceived  valid packets accepted
 * @param packetsLost      sequence numbers never received (RFC 3550 style: expected minus received)
 * @param packetsDropped   packets refused (garbage, wrong source, wrong payload type, too late)
 * @param jitterMs         RFC 3550 interarrival jitter estimate
 */
public record RtpStats(long packetsReceived, long packetsLost, long packetsDropped, long bytesReceived,
                       double jitterMs, String codec) {
}
