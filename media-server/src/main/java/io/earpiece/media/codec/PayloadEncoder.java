package io.earpiece.media.codec;

/** Encodes mono 16-bit PCM at {@link #sampleRate()} into one RTP payload per call. Stateful. */
public interface PayloadEncoder {

    int sampleRate();

    byte[] encode(short[] pcm, int offset, int length) throws CodecException;
}
