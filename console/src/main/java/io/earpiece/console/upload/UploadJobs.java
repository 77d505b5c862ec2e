package io.earpiece.console.upload;

import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import io.earpiece.upload.Progress;
import io.earpiece.upload.TranscriptionStage;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The upload job queue: creates jobs, runs them on a small pool, keeps their progress (in memory for every
 * change, in the database at most once a second), pushes changes to subscribers, cancels, and resumes the jobs a
 * stopped server left queued or running. A job runs here only under this node's claim ({@link UploadClaims}): a new
 * job is claimed at once while a slot is free, otherwise it waits in the database for the first node of the
 * cluster with a free slot, which also takes the jobs of a node that died once their claims ran out.
 */
@Service
public class UploadJobs {

    private static final Logger log = LoggerFactory.getLogger(UploadJobs.class);

    private final UploadJobRepository jobs;
    private final UploadJobRunner runner;
    private final UploadClaims claims;
    private final SpeakerNames names;
    private final int slots;
    private final java.time.Duration claimInterval;
    private final ExecutorService workers;
    private final ScheduledExecutorService flusher;
    private final Map<String, RunningJob> submitted = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<UploadView> updates = Sinks.many().multicast().directBestEffort();
    private final AtomicLong versions = new AtomicLong();
    private volatile boolean closing;
    private volatile boolean started;

    public UploadJobs(UploadJobRepository jobs, UploadJobRunner runner, UploadClaims claims, SpeakerNames names,
                      UploadProperties properties) {
        this.jobs = jobs;
        this.runner = runner;
        this.claims = claims;
        this.names = names;
        this.slots = Math.max(1, properties.jobs());
        this.claimInterval = properties.claimInterval();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "upload-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upload-progress");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushProgress, 1, 1, TimeUnit.SECONDS);
        long renewMs = Math.max(1, properties.claimLease().toMillis() / 3);
        flusher.scheduleWithFixedDelay(this::renewClaims, renewMs, renewMs, TimeUnit.MILLISECONDS);
        long claimMs = Math.max(1, claimInterval.toMillis());
        flusher.scheduleWithFixedDelay(this::claimFree, claimMs, claimMs, TimeUnit.MILLISECONDS);
    }

    /** Records a checked upload as a queued job and schedules it. */
    public UploadView create(String jobId, StoredFile file, String fileName, UploadInspector.Inspection inspection,
                             String source, String uploadedBy, String repSpeaker) {
        UploadJobEntity entity = new UploadJobEntity(jobId, UUID.randomUUID().toString(), fileName,
                file.path().toString(), file.size(), file.sha256(), inspection.sniff().container().name(), source,
                JobState.QUEUED.name(), "QUEUED", inspection.durationMs() >= 0 ? inspection.durationMs() : null,
                Instant.now());
        entity.setUploadedBy(uploadedBy);
        entity.setRepSpeaker(repSpeaker);
        // a node with every slot busy leaves the job unclaimed, for whichever node of the cluster is free first
        boolean mine = !closing && submitted.size() < slots;
        if (mine) {
            claims.claimNew(entity, Instant.now());
        }
        UploadJobEntity job = jobs.save(entity);
        UploadView view = view(job);
        publish(view);
        if (mine) {
            submit(jobId);
        }
        return view;
    }

    /** Records a file that arrived without a waiting client (watched folder) and was refused. */
    public UploadView rejected(String jobId, StoredFile file, String fileName, String source, String reason) {
        UploadJobEntity entity = new UploadJobEntity(jobId, UUID.randomUUID().toString(), fileName,
                file.path().toString(), file.size(), file.sha256(), "UNKNOWN", source, JobState.QUEUED.name(),
                "QUEUED", null, Instant.now());
        claims.claimNew(entity, Instant.now()); // no other node may start it in the moment before it is failed
        jobs.save(entity);
        jobs.finish(jobId, JobState.FAILED.name(), "QUEUED", 0, reason, Instant.now());
        return find(jobId).orElseThrow();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public Optional<UploadView> find(String id) {
        return jobs.findById(id).map(this::view);
    }

    public List<UploadView> recent(int size) {
        return jobs.findAllByOrderByCreatedAtDesc(PageRequest.of(0, size)).stream().map(this::view).toList();
    }

    /** The job's view now and then every change until it ends; empty when there is no such job. */
    public Flux<UploadView> follow(String id) {
        Flux<UploadView> live = updates.asFlux().filter(v -> v.id().equals(id));
        Flux<UploadView> now = Mono.fromCallable(() -> find(id)).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(o -> o.map(Flux::just).orElseGet(Flux::empty));
        // a job another node of the cluster runs changes only in the database: read it there while not run here
        Flux<UploadView> elsewhere = Flux.interval(claimInterval, Schedulers.boundedElastic())
                .filter(tick -> !submitted.containsKey(id))
                .flatMap(tick -> Mono.justOrEmpty(find(id)))
                .distinctUntilChanged(v -> List.of(v.state(), v.stage(), v.percent()));
        AtomicLong last = new AtomicLong(-1);
        // live first, so no change between reading the job and subscribing is missed; stale views are dropped
        return Flux.merge(live, now, elsewhere)
                .filter(v -> {
                    long previous = last.get();
                    if (v.version() < previous && !v.isFinal()) {
                        return false;
                    }
                    last.set(Math.max(previous, v.version()));
                    return true;
                })
                .takeUntil(UploadView::isFinal);
    }

    /** Result of a cancel request. */
    public enum CancelResult { CANCELLED, TOO_LATE, NOT_FOUND }

    public CancelResult cancel(String id) {
        UploadJobEntity job = jobs.findById(id).orElse(null);
        if (job == null) {
            return CancelResult.NOT_FOUND;
        }
        if (JobState.valueOf(job.getState()).isFinal() || job.isCallStored()) {
            return CancelResult.TOO_LATE;
        }
        RunningJob handle = submitted.get(id);
        if (handle != null && !handle.cancel()) {
            return CancelResult.TOO_LATE;
        }
        if (jobs.finish(id, JobState.CANCELLED.name(), job.getStage(), job.getPercent(), "cancelled by request",
                Instant.now()) == 0) {
            // the interrupted worker may have marked it cancelled first; that is this request's doing
            boolean cancelledByWorker = jobs.findById(id).map(j -> JobState.CANCELLED.name().equals(j.getState()))
                    .orElse(false);
            return cancelledByWorker ? CancelResult.CANCELLED : CancelResult.TOO_LATE;
        }
        find(id).ifPresent(this::publish);
        return CancelResult.CANCELLED;
    }

    /**
     * Resumes the jobs a stopped server left open, oldest first; each re-runs from its stored file. Alone on its
     * database the node takes them all; in a cluster, those its earlier run held and those nobody holds, up to its
     * free slots (the others stay for the other nodes, or for this one's next look).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        List<String> open = claims.claim(claims.alone() ? Integer.MAX_VALUE - 1 : slots, true, Instant.now());
        if (!open.isEmpty()) {
            log.info("resuming {} upload job(s) left open: {}", open.size(), open);
        }
        open.forEach(this::submit);
        started = true;
    }

    /** Takes jobs nobody holds while a slot is free: received by a busy node, or left by a node that died. */
    private void claimFree() {
        int free = slots - submitted.size();
        if (!started || closing || free <= 0) {
            return;
        }
        try {
            List<String> claimed = claims.claim(free, false, Instant.now());
            if (!claimed.isEmpty()) {
                log.debug("claimed upload job(s) {}", claimed);
            }
            claimed.forEach(this::submit);
        } catch (RuntimeException e) {
            log.debug("no upload jobs claimed this time", e);
        }
    }

    /** Keeps the claims on the jobs queued or running here, so no other node takes them. */
    private void renewClaims() {
        try {
            claims.renew(List.copyOf(submitted.keySet()), Instant.now());
        } catch (RuntimeException e) {
            log.warn("claims on upload jobs {} not renewed: {}", submitted.keySet(), e.toString());
        }
    }

    private void submit(String id) {
        RunningJob handle = new RunningJob(id, this::progressed);
        if (closing || submitted.putIfAbsent(id, handle) != null) {
            return;
        }
        workers.execute(() -> execute(handle));
    }

    private void execute(RunningJob handle) {
        String id = handle.id();
        try {
            UploadJobEntity job = jobs.findById(id).orElse(null);
            if (closing && job != null) {
                claims.release(id); // queued here when the node stopped: the next node free may take it now
                return;
            }
            if (job == null || JobState.valueOf(job.getState()).isFinal() || !handle.begin()) {
                return;
            }
            view(job);
            UploadJobRunner.Result result = runner.run(job, handle, () -> closing);
            handle.end();
            Instant now = Instant.now();
            switch (result.outcome()) {
                case DONE -> jobs.finish(id, JobState.DONE.name(), TranscriptionStage.DONE.name(), 100, null, now);
                case FAILED -> jobs.finish(id, JobState.FAILED.name(), stage(handle), percent(handle),
                        result.reason() == null ? "interrupted" : result.reason(), now);
                case CANCELLED -> jobs.finish(id, JobState.CANCELLED.name(), stage(handle), percent(handle),
                        "cancelled by request", now);
                case INTERRUPTED -> {
                    log.info("upload job {} stopped by shutdown; it resumes on the next start", id);
                    claims.release(id);
                    return;
                }
            }
            if (result.outcome() == UploadJobRunner.Outcome.FAILED) {
                log.warn("upload job {} failed: {}", id, result.reason());
            }
            find(id).ifPresent(this::publish);
        } catch (RuntimeException e) {
            log.error("upload job {} broke", id, e);
        } finally {
            handle.end();
            dirty.remove(id);
            lastViews.remove(id);
            submitted.remove(id, handle);
            if (!closing && started) {
                flusher.execute(this::claimFree); // a slot is free now: take a waiting job without a poll's delay
            }
        }
    }

    private static String stage(RunningJob handle) {
        Progress p = handle.progress();
        return p == null ? "QUEUED" : p.stage().name();
    }

    private static int percent(RunningJob handle) {
        Progress p = handle.progress();
        return p == null ? 0 : p.percent();
    }

    private void progressed(RunningJob handle) {
        dirty.add(handle.id());
        Progress p = handle.progress();
        UploadView base = lastViews.get(handle.id());
        if (base == null) {
            return;
        }
        UploadView view = base.withProgress(JobState.RUNNING.name(), p.stage().name(), p.percent(),
                p.eta().map(java.time.Duration::toMillis).orElse(null), versions.incrementAndGet());
        lastViews.put(handle.id(), view);
        publish(view);
    }

    private final Map<String, UploadView> lastViews = new ConcurrentHashMap<>();

    private void flushProgress() {
        for (String id : List.copyOf(dirty)) {
            dirty.remove(id);
            RunningJob handle = submitted.get(id);
            Progress p = handle == null ? null : handle.progress();
            if (p == null) {
                continue;
            }
            try {
                jobs.updateProgress(id, JobState.RUNNING.name(), p.stage().name(), p.percent(),
                        p.eta().map(java.time.Duration::toMillis).orElse(null), Instant.now());
            } catch (RuntimeException e) {
                log.debug("progress of upload job {} not stored", id, e);
            }
        }
    }

    private UploadView view(UploadJobEntity job) {
        Map<String, String> speakers = job.isCallStored()
                ? names.names(job.getCallId()).orElse(Map.of()) : Map.of();
        UploadView stored = UploadView.of(job, speakers, versions.incrementAndGet());
        RunningJob handle = submitted.get(job.getId());
        Progress p = handle == null ? null : handle.progress();
        if (p != null && !stored.isFinal()) {
            stored = stored.withProgress(JobState.RUNNING.name(), p.stage().name(), p.percent(),
                    p.eta().map(java.time.Duration::toMillis).orElse(null), stored.version());
        }
        if (!stored.isFinal()) {
            lastViews.put(job.getId(), stored);
        } else {
            lastViews.remove(job.getId());
        }
        return stored;
    }

    private void publish(UploadView view) {
        synchronized (updates) {
            updates.tryEmitNext(view);
        }
    }

    /** Stops taking jobs; running ones are interrupted where that is safe and resume on the next start. */
    @PreDestroy
    public void shutdown() throws InterruptedException {
        closing = true;
        submitted.values().forEach(RunningJob::interruptForShutdown);
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("upload jobs still running at shutdown: {}", submitted.keySet());
        }
        flusher.shutdown();
        flusher.awaitTermination(5, TimeUnit.SECONDS);
    }
}
