package io.earpiece.media.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back a canonical 44-byte-header PCM16 WAV for assertions. */
public record WavFile(int riffSize, int channels, int sampleRate, int bitsPerSample, int dataSize, short[] samples) {

    public static WavFile read(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157 || b.getInt(36) != 0x61746164) {
            throw new IOException("not a canonical WAV: " + path);
        }
        int dataSize = b.getInt(40);
        int available = Math.min(dataSize, b.capacity() - 44);
        short[] samples = new short[available / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = b.getShort(44 + 2 * i);
        }
        return new WavFile(b.getInt(4), b.getShort(22), b.getInt(24), b.getShort(34), dataSize, samples);
    }
}
