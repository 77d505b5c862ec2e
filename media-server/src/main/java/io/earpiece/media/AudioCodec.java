package io.earpiece.media;

/**
 * The audio codecs a relay leg can negotiate, with their RTP clock rates (RFC 3551, RFC 7587). Opus always uses a
 * dynamic payload type and a 48 kHz RTP clock whatever its internal bandwidth.
 */
public enum AudioCodec {
    PCMU(0, 8_000),
    PCMA(8, 8_000),
    OPUS(-1, 48_000);

    private final int staticPayloadType;
    private final int clockRate;

    AudioCodec(int staticPayloadType, int clockRate) {
        this.staticPayloadType = staticPayloadType;
        this.clockRate = clockRate;
    }

    /** The RFC 3551 static payload type, or -1 for a codec that only has dynamic ones. */
    public int staticPayloadType() {
        return staticPayloadType;
    }

    /** RTP timestamp units per second. */
    public int clockRate() {
        return clockRate;
    }

    /** Whether {@code payloadType} may carry this codec: its static type, or any dynamic type (96-127) for Opus. */
    public boolean accepts(int payloadType) {
        return staticPayloadType >= 0 ? payloadType == staticPayloadType : payloadType >= 96 && payloadType <= 127;
    }

    /** The codec of a static payload type, or null when the type is dynamic or unknown. */
    public static AudioCodec forStaticPayloadType(int payloadType) {
        for (AudioCodec codec : values()) {
            if (codec.staticPayloadType >= 0 && codec.staticPayloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
