package io.earpiece.testcalls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes canonical 44-byte-header PCM16 WAV files, the layout every reader in the project accepts. */
final class WavFile {
    private WavFile() {
    }

    /** Interleaved samples ({@code channels} per frame) at {@code rate}. */
    static void write(Path path, short[] interleaved, int channels, int rate) throws IOException {
        int dataBytes = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);           // "RIFF" size "WAVE"
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels)   // "fmt " PCM
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataBytes);                                    // "data"
        for (short s : interleaved) {
            b.putShort(s);
        }
        Files.write(path, b.array());
    }
}
