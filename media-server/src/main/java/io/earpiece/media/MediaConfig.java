package io.earpiece.media;

import java.time.Duration;

/**
 * Media server settings.
 *
 * @param bindHost     address RTP sockets bind to
 * @param portMin      first UDP port of the RTP pool (inclusive, even)
 * @param portMax      last UDP port of the RTP pool (inclusive)
 * @param mediaTimeout a leg with no RTP for this long is reported timed out
 * @param jitterDelay  how long the jitter buffer holds packets to reorder them
 */
public record MediaConfig(String bindHost, int portMin, int portMax, Duration mediaTimeout, Duration jitterDelay) {
}
