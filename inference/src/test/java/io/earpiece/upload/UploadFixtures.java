package io.earpiece.upload;

import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Renders one of the project's calls and derives broken and short files from it, under target/. */
final class UploadFixtures {

    static final Path DIR = Paths.get("target", "upload-fixtures");

    private UploadFixtures() {
    }

    /** A short sales call of alternating turns, rendered. */
    static RenderedCall call() throws Exception {
        return TestCalls.own("budget-freeze", Paths.get("target", "calls"));
    }

    static Path file(RenderedCall call, String suffix) {
        return call.file(suffix);
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
