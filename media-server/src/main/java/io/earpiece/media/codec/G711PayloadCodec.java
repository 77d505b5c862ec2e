package io.earpiece.media.codec;

import io.earpiece.media.g711.G711Codec;

/** G.711 as a {@link PayloadDecoder} and {@link PayloadEncoder}: one byte per 8 kHz sample, no state. */
public final class G711PayloadCodec implements PayloadDecoder, PayloadEncoder {

    private final G711Codec codec;

    public G711PayloadCodec(G711Codec codec) {
        this.codec = codec;
    }

    @Override
    public int sampleRate() {
        return G711Codec.CLOCK_RATE;
    }

    @Override
    public int maxSamples(byte[] payload) {
        return payload.length;
    }

    @Override
    public int decode(byte[] payload, short[] out) throws CodecException {
        if (out.length < payload.length) {
            throw new CodecException(payload.length + " G.711 samples do not fit in " + out.length);
        }
        codec.decode(payload, 0, out, 0, payload.length);
        return payload.length;
    }

    @Override
    public byte[] encode(short[] pcm, int offset, int length) {
        return codec.encode(pcm, offset, length);
    }
}
