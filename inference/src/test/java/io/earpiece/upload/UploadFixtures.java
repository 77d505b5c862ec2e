package io.earpiece.upload;

import io.earpiece.stt.testaudio.CorpusCall;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders one dev call with the shared synth tool and derives broken and short files from it, under target/. */
final class UploadFixtures {

    static final Path DIR = Paths.get("target", "upload-fixtures");

    private UploadFixtures() {
    }

    /** The first dev call, rendered. */
    static CorpusCall call() throws Exception {
        Assumptions.assumeTrue(CorpusCall.synthToolsAvailable(), "espeak-ng, sox or ffmpeg missing");
        List<Path> scripts = CorpusCall.devScripts();
        Assumptions.assumeFalse(scripts.isEmpty(), "no dev call scripts under " + CorpusCall.sharedDir());
        return CorpusCall.required(scripts.get(0), Paths.get("target", "corpus"));
    }

    static Path file(CorpusCall call, String suffix) {
        return Paths.get("target", "corpus").resolve(call.name() + "." + suffix);
    }

    static Path empty() throws IOException {
        Files.createDirectories(DIR);
        Path p = DIR.resolve("empty.mp3");
        Files.write(p, new byte[0]);
        return p;
    }

    static Path textNamedMp3() throws IOException {
        Files.createDirectories(DIR);
        Path p = DIR.resolve("notes.mp3");
        Files.writeString(p, "Call notes: customer wants a callback on Friday.\n");
        return p;
    }

    static Path firstHalfOf(Path file, String name) throws IOException {
        Files.createDirectories(DIR);
        Path out = DIR.resolve(name);
        long half = Files.size(file) / 2;
        try (InputStream in = Files.newInputStream(file); OutputStream o = Files.newOutputStream(out)) {
            o.write(in.readNBytes((int) half));
        }
        return out;
    }

    /** The first {@code seconds} of {@code wav}, cut by ffmpeg. */
    static Path clip(Path wav, double seconds, String name) throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path out = DIR.resolve(name);
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString(), "-t",
                Double.toString(seconds), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not cut " + wav + ": " + log);
        }
        return out;
    }
}
