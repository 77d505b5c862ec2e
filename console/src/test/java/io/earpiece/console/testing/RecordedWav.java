package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The recordings a call left on disk, checked as a player would read them. */
public final class RecordedWav {

    private RecordedWav() {
    }

    /** The WAV files under {@code dataDir} whose path names the call. */
    public static List<Path> ofCall(Path dataDir, String callId) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(p -> p.toString().endsWith(".wav") && p.toString().contains(callId)).toList();
        }
    }

    /**
     * Asserts a RIFF/WAVE file whose header claims no more audio than the file holds, and some; returns the seconds
     * of audio the header claims.
     */
    public static double assertValid(Path wav) throws IOException {
        byte[] bytes = Files.readAllBytes(wav);
        assertThat(bytes.length).as(wav + " size").isGreaterThan(44);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        long dataBytes = Integer.toUnsignedLong(b.getInt(40));
        assertThat(dataBytes).as(wav + " data size in the header").isPositive()
                .isLessThanOrEqualTo(bytes.length - 44L);
        assertThat(Integer.toUnsignedLong(b.getInt(4))).as(wav + " RIFF size").isEqualTo(36 + dataBytes);
        long byteRate = Integer.toUnsignedLong(b.getInt(28));
        assertThat(byteRate).as(wav + " byte rate").isPositive();
        return (double) dataBytes / byteRate;
    }
}
