package io.earpiece.testcalls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Text to 16 kHz mono PCM16 with espeak-ng (22,050 Hz) resampled by sox. sox runs with {@code -D}: without it sox
 * dithers with random noise when it requantises, and the same script would give slightly different audio each time.
 */
final class Speaker {
    static final int RATE = 16_000;

    private final Path work;

    Speaker(Path work) {
        this.work = work;
    }

    short[] speak(String text, Voice voice) throws IOException, InterruptedException {
        Path textFile = work.resolve("say.txt");
        Path espeakWav = work.resolve("say.wav");
        Path raw = work.resolve("say.raw");
        // the text goes in a file, not an argument: a line starting with '-' would otherwise read as an option
        Files.writeString(textFile, text, StandardCharsets.UTF_8);
        Tools.run(List.of("espeak-ng", "-v", voice.espeakVoice(), "-s", String.valueOf(voice.wordsPerMinute()),
                "-f", textFile.toString(), "-w", espeakWav.toString()));
        return resample(espeakWav, RATE, raw);
    }

    /** {@code wav} as mono PCM16 at {@code rate}, by sox without dither. */
    static short[] resample(Path wav, int rate, Path raw) throws IOException, InterruptedException {
        Tools.run(List.of("sox", "-D", wav.toString(), "-t", "raw", "-r", String.valueOf(rate), "-c", "1",
                "-b", "16", "-e", "signed-integer", "-L", raw.toString()));
        byte[] bytes = Files.readAllBytes(raw);
        short[] pcm = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    /** Runs the external programs the renderer needs, with a time limit and their output in the error. */
    static final class Tools {
        private static final long LIMIT_S = 60;

        private Tools() {
        }

        static boolean installed() {
            return onPath("espeak-ng") && onPath("sox") && onPath("ffmpeg");
        }

        private static boolean onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            }
            return false;
        }

        static void run(List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(LIMIT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " took over " + LIMIT_S + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        }
    }
}
