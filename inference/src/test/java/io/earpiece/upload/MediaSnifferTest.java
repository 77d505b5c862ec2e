package io.earpiece.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MediaSnifferTest {

    private final MediaSniffer sniffer = new MediaSniffer();

    private static byte[] wavHeader(int formatCode) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatCode).putShort((short) 1)
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) (formatCode == 1 ? 16 : 8));
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        return b.array();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[] a, String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void wavCodecsComeFromTheFmtChunk() {
        assertThat(sniffer.sniff(wavHeader(1))).extracting(SniffResult::container, SniffResult::codec)
                .containsExactly(MediaContainer.WAV, "pcm_s16le");
        assertThat(sniffer.sniff(wavHeader(7)).codec()).isEqualTo("pcm_mulaw");
        assertThat(sniffer.sniff(wavHeader(6)).codec()).isEqualTo("pcm_alaw");
        assertThat(sniffer.sniff(wavHeader(7)).reason()).contains("fmt code 7", "8000 Hz");
    }

    @Test
    void riffThatIsNotWaveIsUnknown() {
        byte[] avi = concat(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0), "AVI LIST");
        assertThat(sniffer.sniff(avi).container()).isEqualTo(MediaContainer.UNKNOWN);
    }

    @Test
    void mp3ByTagOrFrameSync() {
        assertThat(sniffer.sniff(concat(new byte[0], "ID3\u0004\u0000\u0000")).container()).isEqualTo(MediaContainer.MP3);
        // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz
        assertThat(sniffer.sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).extracting(SniffResult::container, SniffResult::codec)
                .containsExactly(MediaContainer.MP3, "mp3");
        // ADTS AAC
        assertThat(sniffer.sniff(bytes(0xFF, 0xF1, 0x50, 0x80)).container()).isEqualTo(MediaContainer.AAC_ADTS);
        // sync bits with a reserved sample-rate index are not audio
        assertThat(sniffer.sniff(bytes(0xFF, 0xFB, 0x9C, 0x64)).container()).isEqualTo(MediaContainer.UNKNOWN);
    }

    @Test
    void mp4ByFtypBox() {
        SniffResult r = sniffer.sniff(concat(bytes(0, 0, 0, 0x1c), "ftypM4A \u0000\u0000\u0002\u0000"));
        assertThat(r.container()).isEqualTo(MediaContainer.MP4);
        assertThat(r.reason()).contains("M4A");
    }

    @Test
    void oggByFirstPacket() {
        byte[] page = new byte[27];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
        page[26] = 1;
        byte[] opus = concat(concat(page, "\u0013"), "OpusHead\u0001");
        byte[] vorbis = concat(concat(page, "\u001e"), "\u0001vorbis\u0000");
        assertThat(sniffer.sniff(opus)).extracting(SniffResult::container, SniffResult::codec)
                .containsExactly(MediaContainer.OGG, "opus");
        assertThat(sniffer.sniff(vorbis).codec()).isEqualTo("vorbis");
    }

    @Test
    void webmAndMatroskaByEbmlDoctype() {
        byte[] ebml = bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84);
        assertThat(sniffer.sniff(concat(ebml, "webm")).container()).isEqualTo(MediaContainer.WEBM);
        assertThat(sniffer.sniff(concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x88), "matroska")).container())
                .isEqualTo(MediaContainer.MATROSKA);
    }

    @Test
    void aTextFileNamedMp3IsUnknown(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("meeting.mp3");
        Files.writeString(file, "These are my notes from the call, not a recording.\n");
        SniffResult r = sniffer.sniff(file);
        assertThat(r.known()).isFalse();
        assertThat(r.reason()).contains("no known media signature");
    }

    @Test
    void emptyAndTinyInputsAreUnknownNotErrors() {
        assertThat(sniffer.sniff(new byte[0]).reason()).isEqualTo("empty file");
        assertThat(sniffer.sniff(bytes('R', 'I')).known()).isFalse();
        assertThat(sniffer.sniff(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ', 16, 0,
                0, 0, 1, 0)).reason()).contains("truncated fmt");
    }
}
