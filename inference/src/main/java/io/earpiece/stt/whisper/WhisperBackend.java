package io.earpiece.stt.whisper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which whisper.cpp build runs: the CPU build bundled in whisper-jni, or native libraries from a folder, such as a
 * CUDA build of whisper.cpp v1.7.1 (see {@code docker/Dockerfile.cuda}).
 *
 * @param kind       {@link Kind#CPU}: the bundled build; {@link Kind#CUDA}: an external build, decoding on the GPU;
 *                   {@link Kind#EXTERNAL}: an external build used as it is (e.g. whisper.cpp with OpenBLAS from
 *                   {@code inference/native/whisper-openblas}, or an OpenVINO build)
 * @param libraryDir for the external kinds, the folder holding {@code libwhisper-jni.so}, {@code libwhisper.so.1}
 *                   and {@code libggml.so} (whisper-jni loads the first, which finds the others next to it)
 */
public record WhisperBackend(Kind kind, Path libraryDir) {

    /** The kinds of build. */
    public enum Kind { CPU, CUDA, EXTERNAL }

    /** Libraries an external folder must hold on Linux. */
    static final List<String> LINUX_LIBRARIES = List.of("libwhisper-jni.so", "libwhisper.so.1", "libggml.so");

    public WhisperBackend {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CPU && libraryDir != null) {
            throw new IllegalArgumentException("the cpu backend uses the bundled library; no folder expected");
        }
        if (kind != Kind.CPU && libraryDir == null) {
            throw new IllegalArgumentException("the " + kind.name().toLowerCase(Locale.ROOT)
                    + " backend needs the folder of its native libraries");
        }
    }

    public static WhisperBackend cpu() {
        return new WhisperBackend(Kind.CPU, null);
    }

    public static WhisperBackend cuda(Path libraryDir) {
        return new WhisperBackend(Kind.CUDA, libraryDir);
    }

    public static WhisperBackend external(Path libraryDir) {
        return new WhisperBackend(Kind.EXTERNAL, libraryDir);
    }

    /**
     * Reads a configuration value: {@code cpu}, {@code cuda:FOLDER}, or {@code external:FOLDER} (a bare folder
     * means external).
     */
    public static WhisperBackend parse(String spec) {
        String s = Objects.requireNonNull(spec, "spec").strip();
        if (s.isEmpty() || s.equalsIgnoreCase("cpu")) {
            return cpu();
        }
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : s.substring(colon + 1).strip();
        return switch (head) {
            case "cuda" -> cuda(folder(spec, rest));
            case "external" -> external(folder(spec, rest));
            default -> external(Paths.get(s));
        };
    }

    private static Path folder(String spec, String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("whisper backend '" + spec + "' names no library folder, e.g. "
                    + "cuda:/opt/whisper-cuda/lib");
        }
        return Paths.get(rest);
    }

    /** Whether decoding should be offloaded to the GPU. */
    public boolean usesGpu() {
        return kind == Kind.CUDA;
    }

    /** The libraries the folder lacks (empty for the CPU backend or a complete folder). */
    public List<String> missingLibraries() {
        List<String> missing = new ArrayList<>();
        if (libraryDir != null) {
            for (String lib : LINUX_LIBRARIES) {
                if (!Files.isRegularFile(libraryDir.resolve(lib))) {
                    missing.add(lib);
                }
            }
        }
        return missing;
    }

    /** For logs: {@code cpu}, {@code cuda (/opt/whisper-cuda/lib)}. */
    public String describe() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return libraryDir == null ? name : name + " (" + libraryDir.toAbsolutePath() + ")";
    }
}
