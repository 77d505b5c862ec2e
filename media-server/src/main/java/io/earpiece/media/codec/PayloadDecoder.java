package io.earpiece.media.codec;

/** Decodes a codec's RTP payloads, in sequence order, into mono 16-bit PCM at {@link #sampleRate()}. Stateful. */
public interface PayloadDecoder {

    int sampleRate();

    /** An output array of this length holds the decoding of {@code payload}. */
    int maxSamples(byte[] payload);

    /** Decodes one payload into {@code out} from index 0 and returns how many samples were written. */
    int decode(byte[] payload, short[] out) throws CodecException;
}
