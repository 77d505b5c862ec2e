package io.earpiece.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

import java.util.Arrays;

/**
 * Encodes mono PCM into Opus RTP payloads with the pure-Java Concentus encoder, tuned for speech (VoIP mode). Each
 * call must hand exactly one Opus frame: 2.5, 5, 10, 20, 40 or 60 ms of audio at {@link #sampleRate()}.
 */
public final class OpusPayloadEncoder implements PayloadEncoder {

    private static final int MAX_PAYLOAD = 1275;

    private final OpusEncoder encoder;
    private final int sampleRate;
    private final byte[] buffer = new byte[MAX_PAYLOAD];

    /**
     * @param complexity 0-10; lower costs less CPU per frame, which matters on the relay's I/O threads
     */
    public OpusPayloadEncoder(int sampleRate, int bitrate, int complexity) {
        this.sampleRate = sampleRate;
        try {
            this.encoder = new OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalArgumentException("Opus cannot encode at " + sampleRate + " Hz", e);
        }
        encoder.setBitrate(bitrate);
        encoder.setComplexity(complexity);
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public byte[] encode(short[] pcm, int offset, int length) throws CodecException {
        if (!validFrame(length)) {
            throw new CodecException(length + " samples at " + sampleRate + " Hz is not an Opus frame size");
        }
        try {
            int n = encoder.encode(pcm, offset, length, buffer, 0, buffer.length);
            return Arrays.copyOf(buffer, n);
        } catch (OpusException | RuntimeException e) {
            throw new CodecException("Opus encode of " + length + " samples failed: " + e, e);
        }
    }

    /** Whether {@code samples} at this rate is one of Opus's frame durations. */
    public boolean validFrame(int samples) {
        // 2.5 ms is the unit: 1, 2, 4, 8, 16 or 24 of them.
        int unit = sampleRate / 400;
        if (samples <= 0 || samples % unit != 0) {
            return false;
        }
        int units = samples / unit;
        return units == 1 || units == 2 || units == 4 || units == 8 || units == 16 || units == 24;
    }
}
