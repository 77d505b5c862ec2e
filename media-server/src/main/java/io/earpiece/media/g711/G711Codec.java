package io.earpiece.media.g711;

/** The two static-payload-type G.711 codecs (RFC 3551) and how to decode their payloads. */
public enum G711Codec {
    PCMU(0) {
        @Override
        public void decode(byte[] in, int inOffset, short[] out, int outOffset, int length) {
            MuLaw.decode(in, inOffset, out, outOffset, length);
        }

        @Override
        public byte encode(short sample) {
            return MuLaw.encode(sample);
        }
    },
    PCMA(8) {
        @Override
        public void decode(byte[] in, int inOffset, short[] out, int outOffset, int length) {
            ALaw.decode(in, inOffset, out, outOffset, length);
        }

        @Override
        public byte encode(short sample) {
            return ALaw.encode(sample);
        }
    };

    public static final int CLOCK_RATE = 8_000;

    private final int payloadType;

    G711Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }

    public abstract void decode(byte[] in, int inOffset, short[] out, int outOffset, int length);

    public abstract byte encode(short sample);

    /** Decodes a whole payload, one sample per byte. */
    public short[] decode(byte[] payload) {
        short[] out = new short[payload.length];
        decode(payload, 0, out, 0, payload.length);
        return out;
    }

    /** Encodes linear samples, one byte per sample. */
    public byte[] encode(short[] samples, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = encode(samples[offset + i]);
        }
        return out;
    }

    /** The codec for a static payload type, or null when it is not G.711. */
    public static G711Codec forPayloadType(int payloadType) {
        for (G711Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
