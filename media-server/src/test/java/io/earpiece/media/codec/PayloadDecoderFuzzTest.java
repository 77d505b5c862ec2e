package io.earpiece.media.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.earpiece.media.AudioCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RTP payloads are whatever a peer sends: each decoder decodes them or throws {@link CodecException}, and never
 * writes more samples than {@link PayloadDecoder#maxSamples} promised. Seeds in {@code PayloadDecoderFuzzTestInputs}.
 */
class PayloadDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void g711(byte[] payload) throws CodecException {
        for (AudioCodec codec : new AudioCodec[] {AudioCodec.PCMU, AudioCodec.PCMA}) {
            PayloadDecoder decoder = Codecs.decoder(codec, 8000);
            short[] out = new short[decoder.maxSamples(payload)];
            // G.711 has no invalid byte: every payload decodes, one sample per byte.
            assertThat(decoder.decode(payload, out)).isEqualTo(payload.length);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void opus(byte[] payload) {
        // A fresh decoder per input keeps a finding reproducible from its one input.
        PayloadDecoder decoder = Codecs.decoder(AudioCodec.OPUS, 16_000);
        short[] out = new short[decoder.maxSamples(payload)];
        try {
            assertThat(decoder.decode(payload, out)).isBetween(0, out.length);
        } catch (CodecException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
