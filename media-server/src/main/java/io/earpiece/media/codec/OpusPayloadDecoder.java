package io.earpiece.media.codec;

import io.earpiece.media.resample.Decimator;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Decodes mono Opus RTP payloads (RFC 7587) with the pure-Java Concentus decoder. It always decodes at 48 kHz and
 * decimates to the wanted rate itself: Concentus 1.0.2 decodes hybrid-mode packets (what WebRTC sends for speech
 * at moderate bitrates) to silence when asked for a lower output rate. Stereo streams are decoded down-mixed.
 */
public final class OpusPayloadDecoder implements PayloadDecoder {

    private static final int OPUS_RATE = 48_000;
    /** Opus packets carry at most 120 ms of audio. */
    private static final int MAX_PACKET_SAMPLES = OPUS_RATE / 1000 * 120;

    private final OpusDecoder decoder;
    private final Decimator decimator;
    private final int sampleRate;
    private final short[] full = new short[MAX_PACKET_SAMPLES];

    /** @param sampleRate output rate: 48000 divided by a whole number (48, 24, 16, 12 or 8 kHz) */
    public OpusPayloadDecoder(int sampleRate) {
        if (sampleRate <= 0 || OPUS_RATE % sampleRate != 0) {
            throw new IllegalArgumentException("Opus output rate " + sampleRate + " does not divide 48 kHz");
        }
        this.sampleRate = sampleRate;
        this.decimator = new Decimator(OPUS_RATE / sampleRate);
        try {
            this.decoder = new OpusDecoder(OPUS_RATE, 1);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a 48 kHz mono decoder", e);
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int maxSamples(byte[] payload) {
        return MAX_PACKET_SAMPLES / decimator.factor() + 1;
    }

    @Override
    public int decode(byte[] payload, short[] out) throws CodecException {
        if (payload.length == 0) {
            throw new CodecException("empty Opus payload");
        }
        int n;
        try {
            n = decoder.decode(payload, 0, payload.length, full, 0, MAX_PACKET_SAMPLES, false);
        } catch (OpusException | RuntimeException e) {
            // Concentus signals some corrupt packets with runtime exceptions from deep inside the range decoder.
            throw new CodecException("undecodable Opus payload of " + payload.length + " bytes: " + e, e);
        }
        if (out.length < n / decimator.factor() + 1) {
            throw new CodecException(n + " Opus samples do not fit in " + out.length);
        }
        return decimator.process(full, 0, n, out, 0);
    }
}
