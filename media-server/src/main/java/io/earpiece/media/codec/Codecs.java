package io.earpiece.media.codec;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.g711.G711Codec;

/** Creates decoders and encoders for an {@link AudioCodec}. */
public final class Codecs {

    /** Narrowband speech is what a G.711 leg can carry anyway; 24 kbit/s keeps it clean in Opus. */
    private static final int OPUS_BITRATE = 24_000;
    private static final int OPUS_COMPLEXITY = 5;

    private Codecs() {
    }

    /**
     * A decoder producing {@code sampleRate} audio where the codec can (Opus: 8-48 kHz); G.711 always yields 8 kHz.
     */
    public static PayloadDecoder decoder(AudioCodec codec, int sampleRate) {
        return switch (codec) {
            case PCMU -> new G711PayloadCodec(G711Codec.PCMU);
            case PCMA -> new G711PayloadCodec(G711Codec.PCMA);
            case OPUS -> new OpusPayloadDecoder(sampleRate);
        };
    }

    /** An encoder taking {@code sampleRate} audio (G.711: 8 kHz only). */
    public static PayloadEncoder encoder(AudioCodec codec, int sampleRate) {
        return switch (codec) {
            case PCMU -> g711(G711Codec.PCMU, sampleRate);
            case PCMA -> g711(G711Codec.PCMA, sampleRate);
            case OPUS -> new OpusPayloadEncoder(sampleRate, OPUS_BITRATE, OPUS_COMPLEXITY);
        };
    }

    private static PayloadEncoder g711(G711Codec codec, int sampleRate) {
        if (sampleRate != G711Codec.CLOCK_RATE) {
            throw new IllegalArgumentException("G.711 encodes 8 kHz audio, not " + sampleRate + " Hz");
        }
        return new G711PayloadCodec(codec);
    }
}
