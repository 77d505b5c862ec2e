package io.earpiece.media.relay;

import io.earpiece.media.AudioCodec;

/**
 * What one side's RTP carries: its audio codec and payload type, and the RFC 4733 telephone-event payload type
 * (-1 when not negotiated; its clock is taken to be the audio codec's, as RFC 4733 asks).
 */
public record RtpFormat(AudioCodec codec, int payloadType, int telephoneEventPt) {

    public boolean admits(int pt) {
        return pt == payloadType || isTelephoneEvent(pt);
    }

    public boolean isTelephoneEvent(int pt) {
        return telephoneEventPt >= 0 && pt == telephoneEventPt;
    }
}
