package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading PCM16 WAV and pcap files and comparing signals, for end-to-end assertions. */
public final class AudioMath {

    private AudioMath() {
    }

    /** Samples of a mono 16-bit PCM WAV, located by walking its chunks (not assuming a 44-byte header). */
    public static short[] readWav(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(wav + " is not a RIFF/WAVE file");
        }
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            if (id == 0x61746164) { // "data"
                int n = Math.min(size, b.limit() - pos - 8) / 2;
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    s[i] = b.getShort(pos + 8 + 2 * i);
                }
                return s;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(wav + " has no data chunk");
    }

    /**
     * End, in seconds, of the last 10 ms inside {@code [fromS, toS)} louder than -40 dBFS (RMS): where the voice
     * really stops, before the quiet tail a speech synthesizer leaves in its output; {@code fromS} when all is quiet.
     */
    public static double lastVoicedS(short[] samples, int rate, double fromS, double toS) {
        int window = rate / 100;
        int from = (int) Math.round(fromS * rate);
        int to = Math.min(samples.length, (int) Math.round(toS * rate));
        double threshold = 32768 * 0.01;
        int last = from;
        for (int i = from; i + window <= to; i += window) {
            double sum = 0;
            for (int j = i; j < i + window; j++) {
                sum += (double) samples[j] * samples[j];
            }
            if (Math.sqrt(sum / window) > threshold) {
                last = i + window;
            }
        }
        return (double) last / rate;
    }

    /** Number of packets in a classic libpcap file. */
    public static int pcapPackets(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 24;
        int n = 0;
        while (pos + 16 <= b.limit()) {
            int caplen = b.getInt(pos + 8);
            pos += 16 + caplen;
            n++;
        }
        return n;
    }

    /**
     * The largest normalised cross-correlation of {@code a} and {@code b} over lags up to {@code maxLag} samples:
     * 1.0 for the same waveform at some offset, near 0 for unrelated signals.
     */
    public static double maxNormalisedCorrelation(short[] a, short[] b, int maxLag) {
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double dot = 0, ea = 0, eb = 0;
            int from = Math.max(0, -lag);
            int to = Math.min(a.length, b.length - lag);
            for (int i = from; i < to; i++) {
                double x = a[i], y = b[i + lag];
                dot += x * y;
                ea += x * x;
                eb += y * y;
            }
            if (ea > 0 && eb > 0) {
                best = Math.max(best, dot / Math.sqrt(ea * eb));
            }
        }
        return best;
    }
}
