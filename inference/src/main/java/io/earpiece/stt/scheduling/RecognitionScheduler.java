package io.earpiece.stt.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool of decode workers fed from one priority queue: finals before partials; within a priority the call
 * served least recently goes first (so no call's finals wait behind another call's backlog), then the oldest call,
 * then first come first served. When more than {@link SchedulerSettings#maxQueuedJobs()} live jobs wait, the
 * least urgent queued partial is dropped (counted); finals are never dropped, only delayed.
 * <p>
 * After-call work ({@link Priority#BACKGROUND}) goes through the same workers so that it yields to live calls rather
 * than competing with them for the recognizer: it runs only when no live job waits, on all workers but one (a live
 * final always finds a worker that is free or about to be), and only while the live decodes kept the workers less
 * busy than {@link SchedulerSettings#backgroundBusyLimit()}; past its {@link RecognitionTask#yieldUntilNanos()} it no
 * longer waits for that room, so that it is done in time. The busy fraction that drops partials and holds background
 * work counts live decodes only.
 */
public final class RecognitionScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecognitionScheduler.class);
    private static final long CLOSE_WAIT_SECONDS = 30;
    /** How far back the load that decides about partials looks. */
    private static final long BUSY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Calls whose last service is remembered before those with nothing queued are forgotten. */
    private static final int MAX_TRACKED_CALLS = 1_000;
    /** How often a worker looks again at background work held for lack of room. */
    private static final long BACKGROUND_RECHECK_MILLIS = 50;

    private record Queued(RecognitionTask task, long sequence, long queuedNanos) {
    }

    private static final Comparator<Queued> URGENCY = Comparator
            .comparing((Queued q) -> q.task().priority())
            .thenComparingLong(q -> q.task().callOrder())
            .thenComparingLong(Queued::sequence);

    private final SchedulerSettings settings;
    private final RecognitionMetricsListener metrics;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(URGENCY);
    private final List<Thread> workers = new ArrayList<>();
    private final BusyMeter busy;
    private long sequence;
    /** Per call, the dispatch number of its latest job taken by a worker: the round-robin between calls. */
    private final java.util.Map<String, Long> lastServed = new java.util.HashMap<>();
    private long dispatches;
    private int queuedPartials;
    private int queuedBackground;
    private int runningBackground;
    private int maxQueuedPartials;
    private int maxQueueDepth;
    private long droppedPartials;
    private long decodedFinals;
    private long decodedPartials;
    private double lastRealTimeFactor = Double.NaN;
    private double lastDecodeMs = Double.NaN;
    private boolean closed;

    public RecognitionScheduler(SchedulerSettings settings) {
        this(settings, RecognitionMetricsListener.NONE);
    }

    public RecognitionScheduler(SchedulerSettings settings, RecognitionMetricsListener metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.busy = new BusyMeter(BUSY_WINDOW_NANOS, settings.workers());
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::work, "stt-decode-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        log.info("recognition scheduler: {} workers, partials dropped above {} queued jobs, {} queued partials or "
                + "{} % busy", settings.workers(), settings.maxQueuedJobs(), settings.maxQueuedPartials(),
                Math.round(settings.partialBusyLimit() * 100));
    }

    public SchedulerSettings settings() {
        return settings;
    }

    public RecognitionMetricsListener metrics() {
        return metrics;
    }

    /**
     * Queues {@code task}; false when the scheduler is closed (the task was not queued and nothing of it runs).
     * Under load this may drop a queued partial, or {@code task} itself when it is the least urgent partial.
     */
    public boolean submit(RecognitionTask task) {
        Queued dropped = null;
        synchronized (this) {
            if (closed) {
                return false;
            }
            Queued q = new Queued(task, sequence++, System.nanoTime());
            if (task.priority() == Priority.BACKGROUND) {
                // never dropped, and outside the live bounds: waiting after-call work must not push partials out
                queue.add(q);
                queuedBackground++;
                notify();
                return true;
            }
            boolean overall = queue.size() - queuedBackground >= settings.maxQueuedJobs();
            boolean partials = task.priority() == Priority.PARTIAL
                    && queuedOf(Priority.PARTIAL) >= settings.maxQueuedPartials();
            if (task.priority() == Priority.PARTIAL && settings.partialBusyLimit() < 1.0
                    && busy.utilization(q.queuedNanos()) > settings.partialBusyLimit()) {
                // a loaded pool spends itself on finals: speech in progress shows again once the load falls
                dropped = q;
            } else if (overall || partials) {
                // over the partials' own bound only another waiting partial (never a speculative final) makes room
                Queued worst = overall ? leastUrgentPartial() : leastUrgentOf(Priority.PARTIAL);
                boolean incomingIsWorse = task.priority() != Priority.FINAL
                        && (worst == null || URGENCY.compare(q, worst) > 0);
                if (incomingIsWorse) {
                    dropped = q;
                } else if (worst != null) {
                    queue.remove(worst);
                    queuedPartials--;
                    dropped = worst;
                }
            }
            if (dropped != q) {
                queue.add(q);
                if (task.priority() != Priority.FINAL) {
                    queuedPartials++;
                    maxQueuedPartials = Math.max(maxQueuedPartials, queuedPartials);
                }
                maxQueueDepth = Math.max(maxQueueDepth, queue.size());
                notify();
            }
            if (dropped != null) {
                droppedPartials++;
            }
        }
        if (dropped != null) {
            drop(dropped.task());
        }
        return true;
    }

    private int queuedOf(Priority priority) {
        int n = 0;
        for (Queued q : queue) {
            if (q.task().priority() == priority) {
                n++;
            }
        }
        return n;
    }

    private Queued leastUrgentOf(Priority priority) {
        Queued worst = null;
        for (Queued q : queue) {
            if (q.task().priority() == priority && (worst == null || URGENCY.compare(q, worst) > 0)) {
                worst = q;
            }
        }
        return worst;
    }

    private Queued leastUrgentPartial() {
        Queued worst = null;
        for (Queued q : queue) {
            if (isPartial(q.task().priority()) && (worst == null || URGENCY.compare(q, worst) > 0)) {
                worst = q;
            }
        }
        return worst;
    }

    /** The jobs that count as partials: dropped under load. */
    private static boolean isPartial(Priority priority) {
        return priority == Priority.PARTIAL || priority == Priority.SPECULATIVE;
    }

    private void drop(RecognitionTask task) {
        metrics.onPartialDropped(task.callId());
        try {
            task.onDropped().run();
        } catch (RuntimeException e) {
            log.warn("drop handler of a {} job for {} failed", task.priority(), task.callId(), e);
        }
    }

    public synchronized SchedulerStats stats() {
        return new SchedulerStats(queue.size() - queuedPartials - queuedBackground, queuedPartials, maxQueuedPartials, maxQueueDepth,
                droppedPartials, decodedFinals, decodedPartials, lastRealTimeFactor, lastDecodeMs);
    }

    private void work() {
        while (true) {
            Queued next;
            synchronized (this) {
                while (true) {
                    next = fairest();
                    if (next != null || (closed && queue.isEmpty())) {
                        break;
                    }
                    try {
                        // empty: until a job comes; background work held for room: look again shortly
                        wait(queue.isEmpty() ? 0 : BACKGROUND_RECHECK_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (next == null) {
                    return; // closed and drained
                }
                queue.remove(next);
                lastServed.put(next.task().callId(), dispatches++);
                if (lastServed.size() > MAX_TRACKED_CALLS) {
                    forgetIdleCalls();
                }
                if (isPartial(next.task().priority())) {
                    queuedPartials--;
                } else if (next.task().priority() == Priority.BACKGROUND) {
                    queuedBackground--;
                    runningBackground++;
                }
            }
            run(next);
        }
    }

    /**
     * The most urgent priority's job of the call served least recently (a call never served counts as longest ago);
     * between calls served alike, the usual order. Queues are short (bounded by the jobs' limits), so a scan is
     * cheap.
     */
    private Queued fairest() {
        Queued head = queue.peek();
        if (head == null) {
            return null;
        }
        if (head.task().priority() == Priority.BACKGROUND) {
            return backgroundReady(head) ? head : null; // only background work waits: in order of deadline
        }
        Queued best = null;
        long bestServed = Long.MAX_VALUE;
        for (Queued q : queue) {
            if (q.task().priority() != head.task().priority()) {
                continue;
            }
            long served = lastServed.getOrDefault(q.task().callId(), -1L);
            if (best == null || served < bestServed || (served == bestServed && URGENCY.compare(q, best) < 0)) {
                best = q;
                bestServed = served;
            }
        }
        return best;
    }

    /**
     * Whether the most pressing background job may take a worker now: one worker is kept for live work, and the job
     * waits while the live decodes keep the workers busy, unless its time to yield is over.
     */
    private boolean backgroundReady(Queued q) {
        if (runningBackground >= Math.max(1, settings.workers() - 1)) {
            return false;
        }
        long now = System.nanoTime();
        return now - q.task().yieldUntilNanos() >= 0 || busy.utilization(now) <= settings.backgroundBusyLimit();
    }

    private void forgetIdleCalls() {
        java.util.Set<String> waiting = new java.util.HashSet<>();
        queue.forEach(q -> waiting.add(q.task().callId()));
        lastServed.keySet().retainAll(waiting);
    }

    private void run(Queued q) {
        RecognitionTask task = q.task();
        boolean background = task.priority() == Priority.BACKGROUND;
        long started = System.nanoTime();
        long token = -1;
        if (!background) { // the live load alone decides about partials and background work
            synchronized (this) {
                token = busy.started(started);
            }
        }
        try {
            task.work().run();
        } catch (RuntimeException | LinkageError e) {
            log.error("{} decode for {} failed", task.priority(), task.callId(), e);
        }
        long ended = System.nanoTime();
        synchronized (this) {
            if (background) {
                runningBackground--;
                notifyAll(); // a worker may have held background work for this one
            } else {
                busy.ended(token, ended);
            }
        }
        double decodeMs = (ended - started) / 1e6;
        double rtf = task.audioMs() > 0 ? decodeMs / task.audioMs() : Double.NaN;
        synchronized (this) {
            if (task.priority() == Priority.FINAL) {
                decodedFinals++;
            } else if (!background) {
                decodedPartials++;
            }
            lastDecodeMs = decodeMs;
            lastRealTimeFactor = rtf;
        }
        try {
            metrics.onDecode(new DecodeSample(task.priority(), task.callId(), task.audioMs(),
                    (started - q.queuedNanos()) / 1e6, decodeMs, rtf));
        } catch (RuntimeException e) {
            log.warn("metrics listener failed", e);
        }
    }

    /**
     * Refuses new jobs, drops queued partials, lets the workers finish the queued finals (bounded wait), then stops
     * them.
     */
    @Override
    public void close() {
        List<Queued> partials = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.removeIf(q -> {
                if (q.task().priority() != Priority.FINAL) {
                    partials.add(q);
                    return true;
                }
                return false;
            });
            queuedPartials = 0;
            queuedBackground = 0;
            notifyAll();
        }
        partials.forEach(q -> {
            try {
                q.task().onDropped().run();
            } catch (RuntimeException e) {
                log.warn("drop handler failed on close", e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                log.warn("{} still decoding {} s after close", t.getName(), CLOSE_WAIT_SECONDS);
            }
        }
    }
}
