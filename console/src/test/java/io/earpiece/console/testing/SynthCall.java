package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A corpus script turned into audio, pcaps and a reference by {@code ../shared/tools/synth-call}. */
public record SynthCall(String name, Path dir, ReferenceTranscript reference) {

    public static Path shared() {
        return Path.of(System.getProperty("earpiece.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** Names of the dev corpus scripts ({@code corpus/dev/NAME.call}), sorted; fails when there are none. */
    public static java.util.List<String> devCallNames() throws IOException {
        Path dev = shared().resolve("corpus/dev");
        if (!Files.isDirectory(dev)) {
            throw new IllegalStateException("no dev corpus at " + dev + " (is ../shared beside the checkout?)");
        }
        try (java.util.stream.Stream<Path> files = Files.list(dev)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".call"))
                    .map(n -> n.substring(0, n.length() - ".call".length())).sorted().toList();
        }
    }

    /** Generates (once per build) the fixtures of {@code corpus/dev/NAME.call} under {@code target/fixtures}. */
    public static synchronized SynthCall generate(String name) throws IOException, InterruptedException {
        Path script = shared().resolve("corpus/dev/" + name + ".call");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("corpus script not found: " + script + " (is ../shared beside the checkout?)");
        }
        Path dir = Path.of("target/fixtures").toAbsolutePath();
        Path json = dir.resolve(name + ".json");
        if (!Files.isRegularFile(json)) {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(shared().resolve("tools/synth-call").toString(), script.toString(), dir.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("synth-call failed (needs espeak-ng, sox, ffmpeg):\n" + out);
            }
        }
        return new SynthCall(name, dir, ReferenceTranscript.read(json));
    }

    public Path wav(String party) {
        return dir.resolve(name + "." + party + ".wav");
    }

    public Path pcap(String party) {
        return dir.resolve(name + "." + party + ".pcmu.pcap");
    }
}
