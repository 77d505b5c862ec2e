package io.earpiece.media;

/**
 * Server-wide RTP counters since start, summed over all legs past and present.
 *
 * @param datagramsReceived        every datagram that reached a leg's socket
 * @param packetsReceived          valid RTP packets accepted into a jitter buffer
 * @param droppedMalformed         datagrams that were not well-formed RTP
 * @param droppedWrongSource       packets from an address other than the leg's peer
 * @param droppedWrongPayloadType  packets whose payload type was neither the audio nor the telephone-event type
 * @param droppedLateDuplicate     packets that arrived after their slot was released, or twice
 * @param droppedSrtpAuthFailed    SRTP packets (legs and relay sides) whose authentication failed
 * @param droppedSrtpReplayed      SRTP packets refused as replays
 * @param legsOpen                 legs open right now
 * @param recordingFailures        legs whose recording could not be created or stopped on a failed write
 * @param lastRecordingFailureMillis when the last of those failed (epoch milliseconds), 0 when none did
 */
public record MediaCounters(long datagramsReceived, long packetsReceived, long droppedMalformed,
                            long droppedWrongSource, long droppedWrongPayloadType, long droppedLateDuplicate,
                            long droppedSrtpAuthFailed, long droppedSrtpReplayed, int legsOpen,
                            long recordingFailures, long lastRecordingFailureMillis) {

    /** All drops, whatever the reason. */
    public long dropped() {
        return droppedMalformed + droppedWrongSource + droppedWrongPayloadType + droppedLateDuplicate
                + droppedSrtpAuthFailed + droppedSrtpReplayed;
    }
}
