package io.earpiece.stt.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Loads whisper-jni's native library once per JVM, from the jar or from a backend's folder; the library keeps
 * global state, so a JVM runs one backend.
 */
final class WhisperNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(WhisperNativeLibrary.class);
    /** whisper-jni 1.7.1 loads {@code libwhisper-jni} from this folder instead of extracting its bundled build. */
    static final String LIBDIR_PROPERTY = "io.github.givimad.whisperjni.libdir";
    private static final Object LOCK = new Object();
    private static WhisperBackend loaded;

    private WhisperNativeLibrary() {
    }

    static void ensureLoaded(WhisperBackend backend) {
        synchronized (LOCK) {
            if (loaded != null) {
                if (!Objects.equals(loaded.libraryDir(), backend.libraryDir())) {
                    throw new IllegalStateException("whisper.cpp is already loaded from " + loaded.describe()
                            + "; one JVM cannot also load " + backend.describe());
                }
                return;
            }
            List<String> missing = backend.missingLibraries();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("whisper backend " + backend.describe() + " lacks " + missing
                        + " (build them with docker/Dockerfile.cuda)");
            }
            String previous = System.getProperty(LIBDIR_PROPERTY);
            try {
                if (backend.libraryDir() != null) {
                    System.setProperty(LIBDIR_PROPERTY, backend.libraryDir().toAbsolutePath().toString());
                } else {
                    System.clearProperty(LIBDIR_PROPERTY);
                }
                WhisperJNI.loadLibrary(message -> log.debug("whisper-jni: {}", message));
                // whisper.cpp logs every model layer to stderr unless a logger takes over; which accelerator
                // (BLAS, CUDA) it picked is worth seeing at start-up, since a build without it is silently slower
                WhisperJNI.setLibraryLogger(WhisperNativeLibrary::logLibraryMessage);
            } catch (IOException | LinkageError e) {
                throw new IllegalStateException("whisper-jni native library (" + backend.describe()
                        + ") could not be loaded for " + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + " (on Debian the CPU build needs libgomp1, a CUDA build "
                        + "the CUDA runtime): " + e.getMessage(), e);
            } finally {
                if (previous == null) {
                    System.clearProperty(LIBDIR_PROPERTY);
                } else {
                    System.setProperty(LIBDIR_PROPERTY, previous);
                }
            }
            loaded = backend;
            log.info("whisper backend: {}", backend.describe());
        }
    }

    private static void logLibraryMessage(String message) {
        String line = message.strip();
        if (line.contains(": using ") && (line.endsWith(" backend") || line.contains(" device "))) {
            log.info("whisper.cpp: {}", line);
        } else {
            log.debug("whisper.cpp: {}", line);
        }
    }
}
