package io.earpiece.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;

/**
 * Decodes an uploaded recording into 16 kHz PCM16 per channel with the system ffmpeg: the content is sniffed first
 * (files that are no known media never reach ffmpeg), ffprobe reads codec, channels and duration, and ffmpeg's
 * output is read as a stream, so only the decoded PCM (32 kB per second and channel) is held in memory.
 */
public final class AudioDecoder {

    private static final Logger log = LoggerFactory.getLogger(AudioDecoder.class);
    private static final int SAMPLES_PER_MS = DecodedAudio.SAMPLE_RATE / 1000;
    private static final int READ_BUFFER = 1 << 16;

    private final FfmpegTools tools;
    private final DecoderSettings settings;
    private final MediaSniffer sniffer;
    private final ObjectMapper json = new ObjectMapper();

    public AudioDecoder(FfmpegTools tools, DecoderSettings settings, MediaSniffer sniffer) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sniffer = Objects.requireNonNull(sniffer, "sniffer");
    }

    /** What ffprobe says about the file's first audio stream. */
    public record Probe(String format, String codec, int channels, int sampleRate, long durationMs) {
    }

    /** Decodes {@code file}; see {@link #decode(Path, DoubleConsumer)}. */
    public DecodedAudio decode(Path file) throws IOException, MediaException {
        return decode(file, fraction -> { });
    }

    /**
     * Decodes {@code file} to 16 kHz: mono and two-channel files keep their channels (one speaker per channel),
     * files with more channels than {@link DecoderSettings#maxChannels()} are mixed to mono.
     *
     * @param progress receives the decoded fraction (0..1) as decoding goes on
     * @throws UnsupportedMediaException not audio, or a format or codec ffmpeg cannot decode (HTTP 415)
     * @throws CorruptMediaException     empty, damaged or truncated (HTTP 422)
     * @throws TooShortException         shorter than {@link DecoderSettings#minDuration()} (HTTP 422)
     * @throws MediaTooLargeException    above {@link DecoderSettings#maxBytes()} or {@link DecoderSettings#maxDuration()}
     * @throws IOException               the file or the tools could not be run or read
     */
    public DecodedAudio decode(Path file, DoubleConsumer progress)
            throws IOException, MediaException {
        long size = Files.size(file);
        if (size == 0) {
            throw new CorruptMediaException("empty file: 0 bytes");
        }
        if (size > settings.maxBytes()) {
            throw new MediaTooLargeException("file is " + size + " bytes; the limit is " + settings.maxBytes());
        }
        SniffResult sniff = sniffer.sniff(file);
        if (!sniff.known()) {
            throw new UnsupportedMediaException("not a recognised audio file: " + sniff.reason());
        }
        Probe probe = probe(file, sniff);
        if (probe.durationMs() >= 0) {
            checkDuration(probe.durationMs());
        }
        int channels = probe.channels() >= 1 && probe.channels() <= settings.maxChannels() ? probe.channels() : 1;
        List<short[]> pcm = run(file, sniff, probe, channels, progress);
        long durationMs = pcm.get(0).length / SAMPLES_PER_MS;
        if (durationMs == 0) {
            throw new CorruptMediaException(describe(sniff) + " decoded to no audio at all");
        }
        checkDuration(durationMs);
        if (probe.durationMs() > 0 && durationMs < probe.durationMs() * 0.9) {
            // MP3 durations without a Xing header are bitrate estimates, so a shortfall is a warning, not an error
            log.warn("{}: decoded {} ms of the {} ms the header announces; the file may be truncated", file,
                    durationMs, probe.durationMs());
        }
        progress.accept(1.0);
        return new DecodedAudio(pcm, durationMs, probe.format(), probe.codec(), probe.channels(), probe.sampleRate());
    }

    /** Runs ffprobe on {@code file} (sniffed as {@code sniff}). */
    public Probe probe(Path file, SniffResult sniff) throws IOException, MediaException {
        List<String> command = List.of(tools.ffprobe().toString(), "-v", "error", "-protocol_whitelist", "file",
                "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,channels,sample_rate,duration:format=format_name,duration", "-of", "json",
                file.toAbsolutePath().toString());
        ToolRun run = ToolRun.start(command, settings.timeout());
        byte[] out;
        try (InputStream in = run.stdout()) {
            out = in.readAllBytes();
        }
        String errors = run.finish();
        if (run.timedOut()) {
            throw new CorruptMediaException("ffprobe gave up after " + settings.timeout().toSeconds() + " s on "
                    + describe(sniff));
        }
        if (run.exitCode() != 0) {
            throw classify(errors, sniff);
        }
        JsonNode root = json.readTree(out);
        JsonNode streams = root.path("streams");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new UnsupportedMediaException(describe(sniff) + " has no audio stream");
        }
        JsonNode stream = streams.get(0);
        JsonNode format = root.path("format");
        double seconds = number(stream.path("duration"), number(format.path("duration"), -1));
        return new Probe(format.path("format_name").asText(sniff.container().name().toLowerCase(Locale.ROOT)),
                stream.path("codec_name").asText("unknown"), stream.path("channels").asInt(0),
                stream.path("sample_rate").asInt(0), seconds < 0 ? -1 : Math.round(seconds * 1000));
    }

    private List<short[]> run(Path file, SniffResult sniff, Probe probe, int channels, DoubleConsumer progress)
            throws IOException, MediaException {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error",
                "-protocol_whitelist", "file", "-i", file.toAbsolutePath().toString(), "-map", "0:a:0", "-vn", "-sn",
                "-dn", "-ac", Integer.toString(channels), "-ar", Integer.toString(DecodedAudio.SAMPLE_RATE),
                "-acodec", "pcm_s16le", "-f", "s16le", "pipe:1"));
        long maxSamples = settings.maxDuration().toMillis() * SAMPLES_PER_MS;
        long expected = probe.durationMs() > 0 ? probe.durationMs() * SAMPLES_PER_MS : 0;
        SampleBuffer[] buffers = new SampleBuffer[channels];
        for (int c = 0; c < channels; c++) {
            buffers[c] = new SampleBuffer((int) Math.min(maxSamples, Math.max(expected + 1_600, 16_000)));
        }
        ToolRun run = ToolRun.start(command, settings.timeout());
        boolean tooLong = false;
        try (InputStream in = new BufferedInputStream(run.stdout(), READ_BUFFER)) {
            byte[] chunk = new byte[READ_BUFFER];
            int carry = 0;
            int channel = 0;
            long reported = 0;
            int n;
            while ((n = in.read(chunk, carry, chunk.length - carry)) > 0) {
                int length = carry + n;
                int whole = length - length % 2;
                for (int i = 0; i < whole; i += 2) {
                    buffers[channel].add((short) ((chunk[i] & 0xff) | chunk[i + 1] << 8));
                    channel = (channel + 1) % channels;
                }
                carry = length - whole;
                if (carry > 0) {
                    chunk[0] = chunk[whole];
                }
                long decoded = buffers[channels - 1].size();
                if (decoded > maxSamples) {
                    tooLong = true;
                    run.kill();
                    break;
                }
                if (expected > 0 && decoded - reported > expected / 50) {
                    reported = decoded;
                    progress.accept(Math.min(0.99, (double) decoded / expected));
                }
            }
        }
        String errors = run.finish();
        if (tooLong) {
            throw new MediaTooLargeException("recording is longer than the limit of "
                    + settings.maxDuration().toMinutes() + " minutes");
        }
        if (run.timedOut()) {
            throw new CorruptMediaException("ffmpeg gave up after " + settings.timeout().toSeconds() + " s on "
                    + describe(sniff));
        }
        if (run.exitCode() != 0) {
            throw classify(errors, sniff);
        }
        if (!errors.isBlank()) {
            log.warn("{}: ffmpeg reported problems while decoding: {}", file, firstLine(errors));
        }
        int length = buffers[channels - 1].size();
        List<short[]> out = new ArrayList<>();
        for (SampleBuffer b : buffers) {
            out.add(b.toArray(length));
        }
        return out;
    }

    private void checkDuration(long durationMs) throws MediaException {
        if (durationMs < settings.minDuration().toMillis()) {
            throw new TooShortException(String.format(Locale.ROOT, "recording is %.2f s long; at least %.1f s is "
                    + "needed", durationMs / 1000.0, settings.minDuration().toMillis() / 1000.0));
        }
        if (durationMs > settings.maxDuration().toMillis()) {
            throw new MediaTooLargeException(String.format(Locale.ROOT, "recording is %.0f minutes long; the limit "
                    + "is %d minutes", durationMs / 60_000.0, settings.maxDuration().toMinutes()));
        }
    }

    /** Turns ffmpeg's complaint into the exception that names the problem. */
    static MediaException classify(String stderr, SniffResult sniff) {
        String text = stderr.toLowerCase(Locale.ROOT);
        String first = firstLine(stderr);
        if (text.contains("moov atom not found")) {
            return new CorruptMediaException("truncated " + describe(sniff) + ": moov atom not found (the upload was "
                    + "cut short or the recording was never finalised)");
        }
        if (text.contains("decoder") && text.contains("not found") || text.contains("unsupported codec")
                || text.contains("no decoder") || text.contains("could not find codec parameters")) {
            return new UnsupportedMediaException(describe(sniff) + " uses a codec that cannot be decoded: " + first);
        }
        if (text.contains("end of file") || text.contains("truncat") || text.contains("incomplete")) {
            return new CorruptMediaException("truncated " + describe(sniff) + ": " + first);
        }
        return new CorruptMediaException("corrupt " + describe(sniff) + ": " + first);
    }

    private static String describe(SniffResult sniff) {
        return sniff.container() == MediaContainer.UNKNOWN ? "file" : sniff.container().name().replace('_', ' ');
    }

    private static String firstLine(String text) {
        // ffmpeg prefixes lines with "[demuxer @ 0x...]"; the address only adds noise
        return text.lines().map(l -> l.replaceAll("\\[[^]]*@ 0x[0-9a-f]+] ", "").strip()).filter(l -> !l.isEmpty())
                .findFirst().orElse("no details from ffmpeg");
    }

    private static double number(JsonNode node, double fallback) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A growing array of samples. */
    private static final class SampleBuffer {
        private short[] data;
        private int size;

        SampleBuffer(int capacity) {
            data = new short[Math.max(capacity, 1)];
        }

        void add(short s) {
            if (size == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 3L / 2 + 1));
            }
            data[size++] = s;
        }

        int size() {
            return size;
        }

        short[] toArray(int length) {
            return Arrays.copyOf(data, length);
        }
    }

    /** One ffmpeg/ffprobe process with stderr collected in a temporary file and a watchdog for the timeout. */
    private static final class ToolRun {
        private final Process process;
        private final Path stderr;
        private final AtomicBoolean timedOut = new AtomicBoolean();

        private ToolRun(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        static ToolRun start(List<String> command, java.time.Duration timeout) throws IOException {
            Path stderr = Files.createTempFile("earpiece-ffmpeg", ".log");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
            } catch (IOException e) {
                Files.deleteIfExists(stderr);
                throw e;
            }
            ToolRun run = new ToolRun(process, stderr);
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (process.isAlive()) {
                    run.timedOut.set(true);
                    process.destroyForcibly();
                }
            });
            return run;
        }

        InputStream stdout() {
            return process.getInputStream();
        }

        void kill() {
            process.destroyForcibly();
        }

        boolean timedOut() {
            return timedOut.get();
        }

        int exitCode() {
            return process.exitValue();
        }

        /** Waits for the process and returns what it wrote to stderr. */
        String finish() throws IOException {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + process.info().command().orElse("ffmpeg"), e);
            } finally {
                process.getInputStream().close();
            }
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stderr);
            }
        }
    }
}
