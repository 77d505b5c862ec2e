package io.earpiece.media;

/**
 * Twenty milliseconds of one leg's decoded audio: 320 signed 16-bit samples at 16 kHz.
 *
 * @param mediaTimeMs milliseconds since the leg's first RTP packet, from RTP timestamps (not arrival)
 */
public record AudioFrame(String legId, long mediaTimeMs, short[] samples) {
    public static final int SAMPLE_RATE = 16_000;
    public static final int SAMPLES = 320;
}
