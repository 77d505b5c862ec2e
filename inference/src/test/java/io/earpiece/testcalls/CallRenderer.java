package io.earpiece.testcalls;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.TranscriptFormatException;
import io.earpiece.assist.eval.CallScriptParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a labelled {@code .call} script into the test audio of a two-party call and its reference, with the output
 * contract of the dev corpus's {@code synth-call} tool, so either set can feed any test:
 * <ul>
 * <li>{@code NAME.rep.wav}, {@code NAME.customer.wav}: 16 kHz mono PCM16, one party each, silence while the other
 * talks, both the same length;
 * <li>{@code NAME.stereo.wav} (left rep, right customer) and {@code NAME.mono.wav} (the two summed);
 * <li>{@code NAME.rep.pcmu.pcap}, {@code NAME.customer.pcmu.pcap}: RTP/PCMU, 8 kHz, 20 ms packets;
 * <li>{@code NAME.mp3}, {@code NAME.m4a}: the mono mix in the formats users upload (ffmpeg);
 * <li>{@code NAME.json}: title, type, duration_s and the utterances with speaker, text, tags, start, end.
 * </ul>
 * Speech is espeak-ng, one voice per party ({@link Voice}), resampled without dither, and the encoders run
 * bit-exact, so a script renders to the same files every time on one machine. A rendering is reused while its script
 * and this renderer's {@link #VERSION} are unchanged, so a build renders each call once.
 */
public final class CallRenderer {
    /** Bump when the audio or the layout changes, so that earlier renderings under target/ are redone. */
    static final String VERSION = "1";
    static final double LEAD_S = 0.8;
    static final double GAP_S = 0.6;
    static final double TAIL_S = 1.5;
    static final int REP_SSRC = 0x52455031;
    static final int CUSTOMER_SSRC = 0x43555331;

    private final CallScriptParser parser = new CallScriptParser();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * {@code CallRenderer SCRIPT OUTDIR}: renders one script from the command line, for the benchmarks in
     * {@code bench/} that need audio (they run on the test classpath).
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CallRenderer SCRIPT.call OUTDIR");
            System.exit(2);
        }
        RenderedCall call = new CallRenderer().render(Path.of(args[0]), Path.of(args[1]));
        System.out.println(call.file("json"));
    }

    /** Whether espeak-ng, sox and ffmpeg are installed. */
    public static boolean toolsInstalled() {
        return Speaker.Tools.installed();
    }

    /**
     * Renders {@code script} (a file or a classpath entry of a test-jar) into {@code outDir}, or returns the earlier
     * rendering there when it is of the same script text by the same renderer version.
     *
     * @throws CallRenderException when the script is malformed or a program fails; the message says which and why
     */
    public RenderedCall render(Path script, Path outDir) throws CallRenderException, InterruptedException {
        String name = script.getFileName().toString().replaceFirst("\\.call$", "");
        try {
            String text = Files.readString(script, StandardCharsets.UTF_8);
            ReferenceTranscript parsed = parser.parse(text);
            Path stamp = outDir.resolve(name + ".render-key");
            String key = key(text);
            Files.createDirectories(outDir);
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(key)) {
                return read(name, outDir);
            }
            Files.deleteIfExists(stamp);
            Path work = Files.createTempDirectory(outDir, "." + name + "-");
            try {
                renderInto(name, parsed, work);
                // the reference last: a rendering with its JSON in place is complete
                try (Stream<Path> files = Files.list(work)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).sorted((a, b) ->
                            Boolean.compare(a.toString().endsWith(".json"), b.toString().endsWith(".json"))).toList()) {
                        Files.move(f, outDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.writeString(stamp, key);
            } finally {
                deleteTree(work);
            }
            return read(name, outDir);
        } catch (TranscriptFormatException e) {
            throw new CallRenderException(script + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CallRenderException("cannot render " + script + ": " + e.getMessage(), e);
        }
    }

    private void renderInto(String name, ReferenceTranscript script, Path work)
            throws IOException, InterruptedException {
        Speaker speaker = new Speaker(work);
        PcmBuilder rep = new PcmBuilder();
        PcmBuilder customer = new PcmBuilder();
        rep.silence(LEAD_S);
        customer.silence(LEAD_S);
        List<Map<String, Object>> utterances = new ArrayList<>();
        for (ReferenceUtterance u : script.utterances()) {
            short[] speech = speaker.speak(u.text(), Voice.of(u.speaker()));
            double start = rep.seconds();
            PcmBuilder talking = u.speaker().equals("rep") ? rep : customer;
            PcmBuilder listening = talking == rep ? customer : rep;
            talking.append(speech);
            listening.silenceSamples(speech.length);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("speaker", u.speaker());
            entry.put("text", u.text());
            entry.put("tags", u.tags());
            entry.put("start", round(start));
            entry.put("end", round(rep.seconds()));
            utterances.add(entry);
            rep.silence(GAP_S);
            customer.silence(GAP_S);
        }
        rep.silence(TAIL_S);
        customer.silence(TAIL_S);
        short[] r = rep.toArray();
        short[] c = customer.toArray();
        short[] stereo = new short[r.length * 2];
        short[] mono = new short[r.length];
        for (int i = 0; i < r.length; i++) {
            stereo[2 * i] = r[i];
            stereo[2 * i + 1] = c[i];
            mono[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r[i] + c[i]));
        }
        Path base = work.resolve(name);
        WavFile.write(work.resolve(name + ".rep.wav"), r, 1, Speaker.RATE);
        WavFile.write(work.resolve(name + ".customer.wav"), c, 1, Speaker.RATE);
        WavFile.write(work.resolve(name + ".stereo.wav"), stereo, 2, Speaker.RATE);
        WavFile.write(work.resolve(name + ".mono.wav"), mono, 1, Speaker.RATE);
        // 8 kHz by sox's band-limited resampler, not by dropping every other sample (that would alias 4-8 kHz)
        PcmuPcap.write(work.resolve(name + ".rep.pcmu.pcap"),
                Speaker.resample(work.resolve(name + ".rep.wav"), 8000, work.resolve("rep8k.raw")), REP_SSRC, 6000);
        PcmuPcap.write(work.resolve(name + ".customer.pcmu.pcap"),
                Speaker.resample(work.resolve(name + ".customer.wav"), 8000, work.resolve("customer8k.raw")),
                CUSTOMER_SSRC, 6000);
        for (String format : List.of("mp3", "m4a")) {
            Speaker.Tools.run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", base + ".mono.wav",
                    "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact", base + "." + format));
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("title", script.title().isEmpty() ? name : script.title());
        reference.put("type", script.type().isEmpty() ? null : script.type());
        reference.put("duration_s", round((double) r.length / Speaker.RATE));
        reference.put("utterances", utterances);
        json.writeValue(work.resolve(name + ".json").toFile(), reference);
    }

    @SuppressWarnings("unchecked")
    private RenderedCall read(String name, Path dir) throws IOException {
        Map<String, Object> root = json.readValue(dir.resolve(name + ".json").toFile(), Map.class);
        List<RenderedCall.Utterance> utterances = new ArrayList<>();
        for (Map<String, Object> u : (List<Map<String, Object>>) root.get("utterances")) {
            utterances.add(new RenderedCall.Utterance((String) u.get("speaker"), (String) u.get("text"),
                    (List<String>) u.get("tags"), ((Number) u.get("start")).doubleValue(),
                    ((Number) u.get("end")).doubleValue()));
        }
        return new RenderedCall(name, dir, (String) root.get("title"), (String) root.get("type"),
                ((Number) root.get("duration_s")).doubleValue(), utterances);
    }

    private static String key(String scriptText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("renderer " + VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(scriptText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A growing 16 kHz PCM16 channel. */
    private static final class PcmBuilder {
        private short[] samples = new short[Speaker.RATE * 10];
        private int length;

        void append(short[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, samples, length, more.length);
            length += more.length;
        }

        void silence(double seconds) {
            silenceSamples((int) Math.round(seconds * Speaker.RATE));
        }

        void silenceSamples(int count) {
            ensure(count);
            length += count; // new array slots are already zero
        }

        double seconds() {
            return (double) length / Speaker.RATE;
        }

        short[] toArray() {
            return java.util.Arrays.copyOf(samples, length);
        }

        private void ensure(int more) {
            if (length + more > samples.length) {
                samples = java.util.Arrays.copyOf(samples, Math.max(samples.length * 2, length + more));
            }
        }
    }
}
