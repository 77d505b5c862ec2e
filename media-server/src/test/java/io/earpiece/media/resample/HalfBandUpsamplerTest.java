package io.earpiece.media.resample;

import io.earpiece.media.support.Tone;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HalfBandUpsamplerTest {

    @Test
    void sineKeepsFrequencyAmplitudeAndPhase() {
        short[] in = Tone.sine(1000, 12000, 8000, 0, 8000);
        short[] out = upsampleInPackets(in, 160);
        short[] reference = Tone.sine(1000, 12000, 16000, 0, 16000);
        assertThat(out).hasSize(16000);
        // Skip the edges where the filter saw the implicit silence before and after the signal.
        int from = 200;
        int to = 15800;
        assertThat(Tone.correlation(out, reference, from, to)).isGreaterThan(0.9999);
        assertThat(Tone.rms(out, from, to) / Tone.rms(reference, from, to)).isCloseTo(1.0, within(0.01));
        assertThat(Tone.frequency(out, from, to, 16000)).isCloseTo(1000.0, within(1.0));
    }

    @Test
    void passbandToneKeepsAmplitudeAndImageIsSuppressed() {
        short[] in = Tone.sine(3000, 10000, 8000, 0, 8000);
        short[] out = upsampleInPackets(in, 160);
        short[] reference = Tone.sine(3000, 10000, 16000, 0, 16000);
        assertThat(Tone.correlation(out, reference, 200, 15800)).isGreaterThan(0.999);
        double tone = Tone.power(out, 200, 15800, 3000, 16000);
        double image = Tone.power(out, 200, 15800, 5000, 16000);
        assertThat(10 * Math.log10(image / tone)).as("image at 5 kHz, dB below the tone").isLessThan(-40);
    }

    @Test
    void packetBoundariesLeaveNoSeams() {
        short[] in = Tone.sine(440, 8000, 8000, 0, 1600);
        assertThat(upsampleInPackets(in, 160)).containsExactly(upsampleInPackets(in, in.length));
        assertThat(upsampleInPackets(in, 7)).containsExactly(upsampleInPackets(in, in.length));
    }

    @Test
    void evenOutputSamplesAreTheInputWithoutDelay() {
        short[] in = new short[100];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) (i * 37 - 1000);
        }
        short[] out = upsampleInPackets(in, 30);
        for (int i = 0; i < in.length; i++) {
            assertThat(out[2 * i]).isEqualTo(in[i]);
        }
    }

    private static short[] upsampleInPackets(short[] in, int packet) {
        HalfBandUpsampler up = new HalfBandUpsampler();
        short[] out = new short[2 * in.length + 2 * HalfBandUpsampler.HALF_TAPS];
        int n = 0;
        for (int at = 0; at < in.length; at += packet) {
            n += up.process(in, at, Math.min(packet, in.length - at), out, n);
        }
        n += up.flush(out, n);
        return Arrays.copyOf(out, n);
    }
}
