package io.earpiece.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decides a media file's container and, where the header says, its codec from content, never from the name. */
public final class MediaSniffer {

    /** Bytes read from the start of a file; enough for RIFF fmt chunks, ID3 skip checks and Ogg first pages. */
    public static final int HEAD_BYTES = 4096;

    /** Sniffs the first {@link #HEAD_BYTES} of {@code file}. */
    public SniffResult sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEAD_BYTES));
        }
    }

    /** Sniffs the start of a file; pure function of {@code head}. */
    public SniffResult sniff(byte[] head) {
        if (head.length == 0) {
            return unknown("empty file");
        }
        if (startsWith(head, 0, "RIFF")) {
            return wav(head);
        }
        if (startsWith(head, 0, "ID3")) {
            return new SniffResult(MediaContainer.MP3, "mp3", "ID3v2 tag");
        }
        if (head.length >= 12 && startsWith(head, 4, "ftyp")) {
            String brand = ascii(head, 8, 4).strip();
            return new SniffResult(MediaContainer.MP4, "unknown", "ftyp box, major brand '" + brand + "'");
        }
        if (startsWith(head, 0, "OggS")) {
            return ogg(head);
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x1A && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xDF
                && (head[3] & 0xff) == 0xA3) {
            boolean webm = indexOf(head, "webm".getBytes(StandardCharsets.US_ASCII), 64) >= 0;
            return new SniffResult(webm ? MediaContainer.WEBM : MediaContainer.MATROSKA, "unknown",
                    "EBML header, doctype " + (webm ? "webm" : "matroska"));
        }
        if (startsWith(head, 0, "fLaC")) {
            return new SniffResult(MediaContainer.FLAC, "flac", "fLaC marker");
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return frameSync(head);
        }
        return unknown("no known media signature in the first " + Math.min(head.length, 16) + " bytes");
    }

    private static SniffResult wav(byte[] head) {
        if (head.length < 12 || !startsWith(head, 8, "WAVE")) {
            return unknown("RIFF file that is not WAVE (" + (head.length >= 12 ? ascii(head, 8, 4) : "too short") + ")");
        }
        int pos = 12;
        while (pos + 8 <= head.length) {
            String id = ascii(head, pos, 4);
            long size = u32le(head, pos + 4);
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > head.length) {
                    return new SniffResult(MediaContainer.WAV, "unknown", "RIFF/WAVE with a truncated fmt chunk");
                }
                int format = u16le(head, body);
                int channels = u16le(head, body + 2);
                long rate = u32le(head, body + 4);
                int bits = u16le(head, body + 14);
                if (format == 0xFFFE && size >= 40 && body + 26 <= head.length) {
                    format = u16le(head, body + 24); // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with it
                }
                String codec = switch (format) {
                    case 1 -> "pcm_s" + bits + "le";
                    case 3 -> "pcm_f" + bits + "le";
                    case 6 -> "pcm_alaw";
                    case 7 -> "pcm_mulaw";
                    case 0x11 -> "adpcm_ima_wav";
                    case 0x55 -> "mp3";
                    default -> "wav_format_0x" + Integer.toHexString(format);
                };
                return new SniffResult(MediaContainer.WAV, codec, "RIFF/WAVE fmt code " + format + ", " + channels
                        + " channel(s), " + rate + " Hz, " + bits + " bits");
            }
            // In long: a chunk size near 4 GiB would wrap an int negative and the next read would go before the
            // start (found by MediaSnifferFuzzTest). A chunk reaching past what was read ends the walk.
            long next = body + size + (size & 1);
            if (next > head.length) {
                break;
            }
            pos = (int) next;
        }
        return new SniffResult(MediaContainer.WAV, "unknown", "RIFF/WAVE without a fmt chunk in the first bytes");
    }

    private static SniffResult ogg(byte[] head) {
        if (head.length < 28) {
            return new SniffResult(MediaContainer.OGG, "unknown", "OggS page header cut short");
        }
        int segments = head[26] & 0xff;
        int packet = 27 + segments;
        if (startsWith(head, packet, "OpusHead")) {
            return new SniffResult(MediaContainer.OGG, "opus", "OggS page with OpusHead");
        }
        if (packet + 7 <= head.length && head[packet] == 1 && startsWith(head, packet + 1, "vorbis")) {
            return new SniffResult(MediaContainer.OGG, "vorbis", "OggS page with a Vorbis identification header");
        }
        if (packet + 5 <= head.length && (head[packet] & 0xff) == 0x7F && startsWith(head, packet + 1, "FLAC")) {
            return new SniffResult(MediaContainer.OGG, "flac", "OggS page with an Ogg FLAC header");
        }
        if (startsWith(head, packet, "Speex   ")) {
            return new SniffResult(MediaContainer.OGG, "speex", "OggS page with a Speex header");
        }
        return new SniffResult(MediaContainer.OGG, "unknown", "OggS page with an unrecognised first packet");
    }

    private static SniffResult frameSync(byte[] head) {
        int b1 = head[1] & 0xff;
        int b2 = head[2] & 0xff;
        int layer = (b1 >> 1) & 0x3;
        int version = (b1 >> 3) & 0x3;
        if (layer == 0 && (b1 & 0xF6) == 0xF0) {
            return new SniffResult(MediaContainer.AAC_ADTS, "aac", "ADTS frame sync");
        }
        int bitrate = b2 >> 4;
        int rate = (b2 >> 2) & 0x3;
        if (version == 1 || layer == 0 || bitrate == 0xF || rate == 3) {
            return unknown("0xFFE sync bits without a valid MPEG audio header");
        }
        String codec = switch (layer) {
            case 1 -> "mp3";
            case 2 -> "mp2";
            default -> "mp1";
        };
        return new SniffResult(MediaContainer.MP3, codec, "MPEG audio frame sync");
    }

    private static SniffResult unknown(String reason) {
        return new SniffResult(MediaContainer.UNKNOWN, "unknown", reason);
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (offset < 0 || offset + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = offset; i < Math.min(b.length, offset + length); i++) {
            char c = (char) (b[i] & 0xff);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.toString();
    }

    private static int u16le(byte[] b, int offset) {
        return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8;
    }

    private static long u32le(byte[] b, int offset) {
        return (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8 | (b[offset + 2] & 0xffL) << 16
                | (b[offset + 3] & 0xffL) << 24;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int limit) {
        int end = Math.min(haystack.length, limit) - needle.length;
        for (int i = 0; i <= end; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = haystack[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
