package io.earpiece.stt.testaudio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A dev-corpus call script rendered to audio by the shared synth-call tool, with its reference utterances. */
public final class CorpusCall {

    /** One reference utterance: who spoke and when, in milliseconds. */
    public record Reference(String speaker, long startMs, long endMs, String text) {
    }

    private final String name;
    private final Path dir;
    private final List<Reference> references;

    private CorpusCall(String name, Path dir, List<Reference> references) {
        this.name = name;
        this.dir = dir;
        this.references = references;
    }

    /** The shared folder the build passes in as {@code earpiece.shared}. */
    public static Path sharedDir() {
        return Paths.get(System.getProperty("earpiece.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** The dev call scripts, sorted by name. */
    public static List<Path> devScripts() throws IOException {
        Path dev = sharedDir().resolve("corpus/dev");
        if (!Files.isDirectory(dev)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dev)) {
            return files.filter(p -> p.toString().endsWith(".call")).sorted().toList();
        }
    }

    /**
     * Renders a script a test depends on. A script that cannot be rendered fails the test under {@code CI=true}, so
     * that CI exercises every script, and skips it elsewhere with the reason.
     */
    public static CorpusCall required(Path script, Path outDir) throws InterruptedException {
        try {
            return synthesize(script, outDir);
        } catch (IOException e) {
            String why = "synth-call could not render " + script.getFileName() + ": "
                    + e.getMessage().lines().findFirst().orElse("");
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
            return null;
        }
    }

    /** Whether the programs synth-call runs are installed. */
    public static boolean synthToolsAvailable() {
        return onPath("espeak-ng") && onPath("sox") && onPath("ffmpeg");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Renders {@code script} into {@code outDir} (reusing an earlier rendering that is newer than the script).
     *
     * @throws IOException when synth-call fails; the message carries its output
     */
    public static CorpusCall synthesize(Path script, Path outDir) throws IOException, InterruptedException {
        String name = script.getFileName().toString().replaceFirst("\\.call$", "");
        Path json = outDir.resolve(name + ".json");
        boolean fresh = Files.exists(json)
                && Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(script)) > 0;
        if (!fresh) {
            Files.createDirectories(outDir);
            Path log = outDir.resolve(name + ".synth.log");
            Process process = new ProcessBuilder(sharedDir().resolve("tools/synth-call").toString(),
                    script.toString(), outDir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("synth-call timed out on " + script);
            }
            if (process.exitValue() != 0 || !Files.exists(json)) {
                Files.deleteIfExists(json);
                throw new IOException("synth-call failed on " + script + " (exit " + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        }
        return new CorpusCall(name, outDir, readReferences(json));
    }

    @SuppressWarnings("unchecked")
    private static List<Reference> readReferences(Path json) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        List<Reference> out = new ArrayList<>();
        for (Object o : (List<Object>) root.get("utterances")) {
            Map<String, Object> u = (Map<String, Object>) o;
            out.add(new Reference((String) u.get("speaker"), Math.round((Double) u.get("start") * 1000),
                    Math.round((Double) u.get("end") * 1000), (String) u.get("text")));
        }
        return out;
    }

    public String name() {
        return name;
    }

    /** Reference utterances of {@code party} ("rep" or "customer"), in time order. */
    public List<Reference> references(String party) {
        return references.stream().filter(r -> r.speaker().equals(party)).toList();
    }

    public Path wav(String party) {
        return dir.resolve(name + "." + party + ".wav");
    }

    public Path pcap(String party) {
        return dir.resolve(name + "." + party + ".pcmu.pcap");
    }
}
