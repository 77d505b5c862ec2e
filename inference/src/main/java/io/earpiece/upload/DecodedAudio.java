package io.earpiece.upload;

import java.util.List;

/**
 * A decoded recording: 16 kHz PCM16, one array per kept channel.
 *
 * @param channels        samples of each channel, all the same length
 * @param durationMs      length of the decoded audio
 * @param sourceFormat    container as ffprobe names it, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param sourceCodec     codec as ffprobe names it, e.g. {@code aac}
 * @param sourceChannels  channels in the file
 * @param sourceRate      sample rate in the file
 */
public record DecodedAudio(List<short[]> channels, long durationMs, String sourceFormat, String sourceCodec,
                           int sourceChannels, int sourceRate) {

    public static final int SAMPLE_RATE = 16_000;

    public DecodedAudio {
        channels = List.copyOf(channels);
    }
}
