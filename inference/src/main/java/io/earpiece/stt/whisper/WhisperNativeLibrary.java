package io.earpiece.stt.whisper;

import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Loads whisper-jni's native library once per JVM; the library itself keeps global state. */
final class WhisperNativeLibrary {

    private static final Logger log = LoggerFactory.getLogger(WhisperNativeLibrary.class);
    private static final Object LOCK = new Object();
    private static boolean loaded;

    private WhisperNativeLibrary() {
    }

    static void ensureLoaded() {
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            try {
                WhisperJNI.loadLibrary(message -> log.debug("whisper-jni: {}", message));
                // whisper.cpp logs every model layer to stderr unless a logger takes over
                WhisperJNI.setLibraryLogger(message -> log.debug("whisper.cpp: {}", message.strip()));
            } catch (IOException | LinkageError e) {
                throw new IllegalStateException("whisper-jni native library could not be loaded for "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + " (on Debian it needs libgomp1): " + e.getMessage(), e);
            }
            loaded = true;
        }
    }
}
