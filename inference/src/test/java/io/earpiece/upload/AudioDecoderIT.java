package io.earpiece.upload;

import io.earpiece.stt.testaudio.Audio16k;
import io.earpiece.testcalls.RenderedCall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Decodes the renderings of a project call and broken derivatives of them with the system ffmpeg. */
class AudioDecoderIT {

    private static RenderedCall call;
    private static long referenceMs;
    private final AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(),
            new MediaSniffer());

    @BeforeAll
    static void render() throws Exception {
        call = UploadFixtures.call();
        referenceMs = Audio16k.readWav(call.wav("mono")).length / 16;
    }

    @Test
    void decodesMp3ToSixteenKilohertzMono() throws Exception {
        DecodedAudio audio = decoder.decode(UploadFixtures.file(call, "mp3"));
        assertThat(audio.channels()).hasSize(1);
        assertThat(audio.sourceCodec()).isEqualTo("mp3");
        // mp3 encoders add priming samples; the length stays within a frame or two of the source
        assertThat(audio.durationMs()).isBetween(referenceMs - 100, referenceMs + 150);
        assertThat(audio.channels().get(0).length / 16).isEqualTo((int) audio.durationMs());
    }

    @Test
    void decodesM4aAndReportsProgress() throws Exception {
        java.util.List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        DecodedAudio audio = decoder.decode(UploadFixtures.file(call, "m4a"), seen::add);
        assertThat(audio.sourceCodec()).isEqualTo("aac");
        assertThat(audio.sourceFormat()).contains("mp4");
        assertThat(audio.durationMs()).isBetween(referenceMs - 100, referenceMs + 150);
        assertThat(seen).isNotEmpty().isSorted().last().isEqualTo(1.0);
    }

    @Test
    void keepsBothChannelsOfAStereoWav() throws Exception {
        DecodedAudio audio = decoder.decode(UploadFixtures.file(call, "stereo.wav"));
        assertThat(audio.channels()).hasSize(2);
        assertThat(audio.sourceChannels()).isEqualTo(2);
        assertThat(audio.channels().get(0)).isEqualTo(Audio16k.readWav(call.wav("rep")));
        assertThat(audio.channels().get(1)).isEqualTo(Audio16k.readWav(call.wav("customer")));
    }

    @Test
    void decodesAMonoWavSampleExact() throws Exception {
        DecodedAudio audio = decoder.decode(UploadFixtures.file(call, "mono.wav"));
        assertThat(audio.sourceCodec()).isEqualTo("pcm_s16le");
        assertThat(audio.channels().get(0)).isEqualTo(Audio16k.readWav(call.wav("mono")));
    }

    @Test
    void anEmptyFileIsCorrupt() throws Exception {
        CorruptMediaException e = catchThrowableOfType(() -> decoder.decode(UploadFixtures.empty()),
                CorruptMediaException.class);
        assertThat(e).hasMessageContaining("empty");
        assertThat(e.httpStatus()).isEqualTo(422);
    }

    @Test
    void aTextFileNamedMp3IsUnsupported() throws Exception {
        UnsupportedMediaException e = catchThrowableOfType(() -> decoder.decode(UploadFixtures.textNamedMp3()),
                UnsupportedMediaException.class);
        assertThat(e).hasMessageContaining("not a recognised audio file");
        assertThat(e.httpStatus()).isEqualTo(415);
    }

    @Test
    void aTruncatedMp4NamesTheMissingMoovAtom() throws Exception {
        Path half = UploadFixtures.firstHalfOf(UploadFixtures.file(call, "m4a"), "half.m4a");
        CorruptMediaException e = catchThrowableOfType(() -> decoder.decode(half), CorruptMediaException.class);
        assertThat(e).hasMessageContaining("truncated MP4: moov atom not found");
        assertThat(e.httpStatus()).isEqualTo(422);
    }

    @Test
    void halfASecondIsTooShort() throws Exception {
        Path clip = UploadFixtures.clip(UploadFixtures.file(call, "mono.wav"), 0.5, "half-second.wav");
        TooShortException e = catchThrowableOfType(() -> decoder.decode(clip), TooShortException.class);
        assertThat(e).hasMessageContaining("0.50 s");
    }

    @Test
    void enforcesSizeAndDurationLimits() throws Exception {
        Path mp3 = UploadFixtures.file(call, "mp3");
        AudioDecoder small = new AudioDecoder(FfmpegTools.onPath(), new DecoderSettings(Files.size(mp3) - 1,
                Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 2), new MediaSniffer());
        assertThatThrownBy(() -> small.decode(mp3)).isInstanceOf(MediaTooLargeException.class)
                .hasMessageContaining("bytes");
        AudioDecoder brief = new AudioDecoder(FfmpegTools.onPath(), new DecoderSettings(1L << 30,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1), 2), new MediaSniffer());
        assertThatThrownBy(() -> brief.decode(mp3)).isInstanceOf(MediaTooLargeException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void aMissingFfmpegIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> FfmpegTools.in(empty)).isInstanceOf(MediaToolMissingException.class)
                .hasMessageContaining("apt-get install ffmpeg");
    }
}
