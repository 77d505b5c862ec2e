package io.earpiece.media.codec;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.support.Tone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opus through Concentus and the G.711 law converter, measured on sine tones. */
class CodecTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {24_000, 64_000})
    void opusDecodesA48kHzEncodedToneAt16kHz(int bitrate) throws Exception {
        // 24 kbit/s makes the encoder choose hybrid mode, 64 kbit/s CELT; both must decode.
        OpusPayloadEncoder encoder = new OpusPayloadEncoder(48_000, bitrate, 10);
        OpusPayloadDecoder decoder = new OpusPayloadDecoder(16_000);
        short[] out = new short[50 * 320];
        int at = 0;
        for (int p = 0; p < 50; p++) {
            short[] pcm = Tone.sine(700, 8000, 48_000, p * 960L, 960);
            byte[] payload = encoder.encode(pcm, 0, pcm.length);
            assertThat(payload.length).isBetween(2, 400);
            short[] frame = new short[decoder.maxSamples(payload)];
            int n = decoder.decode(payload, frame);
            assertThat(n).isEqualTo(320);
            System.arraycopy(frame, 0, out, at, n);
            at += n;
        }
        short[] reference = Tone.sine(700, 8000, 16_000, 0, out.length);
        // Skip the codec's start-up; Opus delays the signal by a few milliseconds (under 100 samples at 16 kHz).
        assertThat(Tone.rms(out, 1600, out.length)).isBetween(4000.0, 7000.0);
        assertThat(Tone.bestCorrelation(out, reference, 1600, out.length, 100)).isGreaterThan(0.95);
    }

    @Test
    void opusRoundTripsTelephoneBandAudioAt8kHz() throws Exception {
        PayloadEncoder encoder = Codecs.encoder(AudioCodec.OPUS, 8000);
        PayloadDecoder decoder = Codecs.decoder(AudioCodec.OPUS, 8000);
        short[] out = new short[50 * 160];
        for (int p = 0; p < 50; p++) {
            short[] pcm = Tone.sine(440, 8000, 8000, p * 160L, 160);
            byte[] payload = encoder.encode(pcm, 0, 160);
            short[] frame = new short[decoder.maxSamples(payload)];
            assertThat(decoder.decode(payload, frame)).isEqualTo(160);
            System.arraycopy(frame, 0, out, p * 160, 160);
        }
        short[] reference = Tone.sine(440, 8000, 8000, 0, out.length);
        assertThat(Tone.rms(out, 800, out.length)).isBetween(4000.0, 7000.0);
        assertThat(Tone.bestCorrelation(out, reference, 800, out.length, 80)).isGreaterThan(0.9);
    }

    @Test
    void opusRefusesGarbageAndOddFrameSizes() {
        OpusPayloadDecoder decoder = new OpusPayloadDecoder(16_000);
        assertThatThrownBy(() -> decoder.decode(new byte[0], new short[1920])).isInstanceOf(CodecException.class);
        OpusPayloadEncoder encoder = new OpusPayloadEncoder(8000, 24_000, 5);
        assertThat(encoder.validFrame(160)).isTrue();
        assertThat(encoder.validFrame(240)).as("30 ms").isFalse();
        assertThatThrownBy(() -> encoder.encode(new short[240], 0, 240)).isInstanceOf(CodecException.class);
    }

    @Test
    void decimatorPassesTheBandAndRejectsAliases() {
        io.earpiece.media.resample.Decimator third = new io.earpiece.media.resample.Decimator(3);
        short[] pass = Tone.sine(1000, 10000, 48_000, 0, 4800);
        short[] alias = Tone.sine(12_000, 10000, 48_000, 0, 4800);
        short[] out = new short[1700];
        int n = 0;
        for (int at = 0; at < pass.length; at += 960) {
            n += third.process(pass, at, 960, out, n);
        }
        assertThat(n).isEqualTo(1600);
        int d = third.delayInput() / 3 + 1;
        assertThat(Tone.rms(out, 200, 1600)).isBetween(6900.0, 7200.0);
        assertThat(Tone.bestCorrelation(out, Tone.sine(1000, 10000, 16_000, 0, 1600), 200, 1600, d))
                .isGreaterThan(0.999);
        io.earpiece.media.resample.Decimator other = new io.earpiece.media.resample.Decimator(3);
        n = other.process(alias, 0, alias.length, out, 0);
        assertThat(Tone.rms(out, 200, n)).as("12 kHz must not fold to 4 kHz").isLessThan(50);
    }

    @Test
    void pcmuToPcmaKeepsTheWaveform() {
        short[] tone = Tone.sine(1000, 12000, 8000, 0, 800);
        byte[] mu = G711Codec.PCMU.encode(tone, 0, tone.length);
        byte[] a = new G711Transcoder(G711Codec.PCMU, G711Codec.PCMA).transcode(mu);
        short[] back = G711Codec.PCMA.decode(a);
        assertThat(Tone.correlation(back, tone, 0, tone.length)).isGreaterThan(0.999);
        byte[] muAgain = new G711Transcoder(G711Codec.PCMA, G711Codec.PCMU).transcode(a);
        assertThat(Tone.correlation(G711Codec.PCMU.decode(muAgain), tone, 0, tone.length)).isGreaterThan(0.999);
        assertThat(a).isNotEqualTo(mu);
    }
}
