package io.earpiece.media.leg;

/** Accepts only the negotiated audio payload type and, when negotiated, the telephone-event payload type. */
public final class PayloadTypeFilter {

    private volatile int audioPayloadType;
    private volatile int telephoneEventPayloadType;

    public PayloadTypeFilter(int audioPayloadType, int telephoneEventPayloadType) {
        this.audioPayloadType = audioPayloadType;
        this.telephoneEventPayloadType = telephoneEventPayloadType;
    }

    public boolean admits(int payloadType) {
        return payloadType == audioPayloadType
                || (telephoneEventPayloadType >= 0 && payloadType == telephoneEventPayloadType);
    }

    public boolean isTelephoneEvent(int payloadType) {
        return telephoneEventPayloadType >= 0 && payloadType == telephoneEventPayloadType;
    }

    public int telephoneEventPayloadType() {
        return telephoneEventPayloadType;
    }

    public int audioPayloadType() {
        return audioPayloadType;
    }

    public void audioPayloadType(int payloadType) {
        this.audioPayloadType = payloadType;
    }

    /** A re-INVITE renumbered telephone events, or switched them off (-1). */
    public void telephoneEventPayloadType(int payloadType) {
        this.telephoneEventPayloadType = payloadType;
    }
}
