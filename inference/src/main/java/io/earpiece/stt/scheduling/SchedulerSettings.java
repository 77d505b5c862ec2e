package io.earpiece.stt.scheduling;

/**
 * Size of the recognition pool and its queue.
 *
 * @param workers        decodes that run at the same time; each uses the recognizer's own threads, so on a CPU
 *                       backend workers x threads-per-decode should not exceed the cores
 * @param maxQueuedJobs  queued decodes above which partial decodes are dropped (finals are never dropped, so the
 *                       queue holds at most this many partials plus the finals still waiting)
 */
public record SchedulerSettings(int workers, int maxQueuedJobs) {

    public SchedulerSettings {
        if (workers < 1 || maxQueuedJobs < 1) {
            throw new IllegalArgumentException("workers and maxQueuedJobs must be at least 1: " + workers + ", "
                    + maxQueuedJobs);
        }
    }

    /** As many workers as the cores fit decodes of {@code threadsPerDecode} threads, at least one. */
    public static SchedulerSettings forCores(int cores, int threadsPerDecode) {
        return new SchedulerSettings(Math.max(1, cores / Math.max(1, threadsPerDecode)), 16);
    }

    /** Sized for a 2-core machine running 2-thread decodes: one worker, 16 queued jobs. */
    public static SchedulerSettings defaults() {
        return forCores(2, 2);
    }
}
