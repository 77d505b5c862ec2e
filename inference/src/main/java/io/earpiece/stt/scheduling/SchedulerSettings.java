package io.earpiece.stt.scheduling;

/**
 * Size of the recognition pool and its queue.
 *
 * @param workers        decodes that run at the same time; each uses the recognizer's own threads, so on a CPU
 *                       backend workers x threads-per-decode should not exceed the cores
 * @param maxQueuedJobs  queued decodes above which partial decodes are dropped (finals are never dropped, so the
 *                       queue holds at most this many partials plus the finals still waiting)
 * @param maxQueuedPartials partial decodes (of speech in progress) that may wait at once; a partial that waits
 *                       behind others is stale by the time it runs, and the worker it takes delays finals
 * @param partialBusyLimit busy fraction of the workers over the last seconds above which new partials are dropped:
 *                       the finals then get the whole pool (1.0 never drops partials for load alone)
 * @param backgroundBusyLimit live decodes' busy fraction of the workers over the last seconds above which
 *                       {@link Priority#BACKGROUND} jobs wait (until their own deadline): after-call work runs only
 *                       while live decoding has room
 */
public record SchedulerSettings(int workers, int maxQueuedJobs, int maxQueuedPartials, double partialBusyLimit,
                                double backgroundBusyLimit) {

    public SchedulerSettings {
        if (workers < 1 || maxQueuedJobs < 1 || maxQueuedPartials < 1) {
            throw new IllegalArgumentException("workers, maxQueuedJobs and maxQueuedPartials must be at least 1: "
                    + workers + ", " + maxQueuedJobs + ", " + maxQueuedPartials);
        }
        if (!(partialBusyLimit > 0 && partialBusyLimit <= 1)) {
            throw new IllegalArgumentException("partialBusyLimit must be in (0, 1]: " + partialBusyLimit);
        }
        if (!(backgroundBusyLimit > 0 && backgroundBusyLimit <= 1)) {
            throw new IllegalArgumentException("backgroundBusyLimit must be in (0, 1]: " + backgroundBusyLimit);
        }
    }

    /** With the default limit for background work. */
    public SchedulerSettings(int workers, int maxQueuedJobs, int maxQueuedPartials, double partialBusyLimit) {
        this(workers, maxQueuedJobs, maxQueuedPartials, partialBusyLimit, DEFAULT_BACKGROUND_BUSY_LIMIT);
    }

    /** Partials bounded by count only. */
    public SchedulerSettings(int workers, int maxQueuedJobs, int maxQueuedPartials) {
        this(workers, maxQueuedJobs, maxQueuedPartials, 1.0);
    }

    /** Only the overall bound: partials may fill the queue up to {@code maxQueuedJobs}. */
    public SchedulerSettings(int workers, int maxQueuedJobs) {
        this(workers, maxQueuedJobs, maxQueuedJobs);
    }

    /**
     * As many workers as the cores fit decodes of {@code threadsPerDecode} threads, at least one; 16 queued jobs,
     * one waiting partial per worker, and no new partials while the workers are more than 75 % busy.
     */
    public static SchedulerSettings forCores(int cores, int threadsPerDecode) {
        int workers = Math.max(1, cores / Math.max(1, threadsPerDecode));
        return new SchedulerSettings(workers, 16, workers, DEFAULT_PARTIAL_BUSY_LIMIT);
    }

    /** Busy fraction above which new partials are dropped, by default. */
    public static final double DEFAULT_PARTIAL_BUSY_LIMIT = 0.75;

    /**
     * Live busy fraction above which background jobs wait, by default: below the partials' limit, so that after-call
     * work never pushes live partials out.
     */
    public static final double DEFAULT_BACKGROUND_BUSY_LIMIT = 0.5;

    /** Sized for a 2-core machine running 2-thread decodes: one worker, 16 queued jobs. */
    public static SchedulerSettings defaults() {
        return forCores(2, 2);
    }
}
