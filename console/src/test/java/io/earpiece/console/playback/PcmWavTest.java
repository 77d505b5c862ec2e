package io.earpiece.console.playback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading recordings for the mix: what is not a mono PCM16 WAV is refused with the reason; a lagging header is not. */
class PcmWavTest {

    @TempDir
    Path dir;

    @Test
    void aHeaderBehindTheSamplesOnDiskCountsTheSamplesOnDisk() throws Exception {
        // a recording still being written: the header says 0 bytes, 200 are there
        Path f = write("live.wav", header(8000, 1, 16, 0), new byte[200]);
        assertThat(PcmWav.read(f)).isEqualTo(new PcmWav(8000, 44, 200));
        // a header claiming more than the file holds is cut to the file
        assertThat(PcmWav.read(write("cut.wav", header(8000, 1, 16, 1000), new byte[10])).samples()).isEqualTo(5);
    }

    @Test
    void notAMonoPcm16WavIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> PcmWav.read(write("short.wav", new byte[5])))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("shorter than a RIFF header");
        assertThatThrownBy(() -> PcmWav.read(write("text.wav", "this is not audio at all".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(RecordingFormatException.class).hasMessage("not a RIFF/WAVE file");
        assertThatThrownBy(() -> PcmWav.read(write("stereo.wav", header(8000, 2, 16, 4), new byte[4])))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("2 channels");
        byte[] truncated = Arrays.copyOf(header(8000, 1, 16, 0), 30);
        assertThatThrownBy(() -> PcmWav.read(write("trunc.wav", truncated)))
                .isInstanceOf(RecordingFormatException.class).hasMessageContaining("fmt chunk");
    }

    @Test
    void partiesAtDifferentRatesAreNotMixed() throws Exception {
        Path a = write("a.wav", header(8000, 1, 16, 4), new byte[4]);
        Path b = write("b.wav", header(16000, 1, 16, 4), new byte[4]);
        assertThatThrownBy(() -> CallMixer.mix(List.of(new CallMixer.Track("rep", a, 0),
                new CallMixer.Track("customer", b, 0)), dir.resolve("out.wav")))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessage("recording of customer is at 16000 Hz, the others at 8000 Hz");
    }

    @Test
    void loudPartiesAreClippedNotWrapped() throws Exception {
        ByteBuffer loud = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(Short.MAX_VALUE);
        Path a = write("a.wav", header(8000, 1, 16, 2), loud.array());
        Path b = write("b.wav", header(8000, 1, 16, 2), loud.array());
        Path out = dir.resolve("out.wav");
        CallMixer.mix(List.of(new CallMixer.Track("rep", a, 0), new CallMixer.Track("customer", b, 0)), out);
        ByteBuffer mixed = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(mixed.getShort(44)).isEqualTo(Short.MAX_VALUE);
    }

    private Path write(String name, byte[]... parts) throws IOException {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    private static byte[] header(int rate, int channels, int bits, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }
}
