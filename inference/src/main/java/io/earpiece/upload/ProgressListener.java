package io.earpiece.upload;

/** Receives progress of a batch job; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return p -> { };
    }
}
