package io.earpiece.upload;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the ffmpeg and ffprobe executables are.
 *
 * @param ffmpeg  the ffmpeg executable
 * @param ffprobe the ffprobe executable
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe) {

    public FfmpegTools {
        for (Path p : new Path[] {ffmpeg, ffprobe}) {
            if (p == null || !Files.isExecutable(p)) {
                throw new MediaToolMissingException(p + " is not an executable; install ffmpeg (Debian/Ubuntu: "
                        + "apt-get install ffmpeg) or configure the folder that holds ffmpeg and ffprobe");
            }
        }
    }

    /** The tools in {@code dir} (e.g. a configured {@code /opt/ffmpeg/bin}). */
    public static FfmpegTools in(Path dir) {
        return new FfmpegTools(dir.resolve("ffmpeg"), dir.resolve("ffprobe"));
    }

    /** The tools found on {@code PATH}. */
    public static FfmpegTools onPath() {
        return new FfmpegTools(find("ffmpeg"), find("ffprobe"));
    }

    private static Path find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new MediaToolMissingException(program + " not found on PATH (" + path + "); install ffmpeg (Debian/"
                + "Ubuntu: apt-get install ffmpeg) or configure the folder that holds ffmpeg and ffprobe");
    }
}
