package io.earpiece.console.export;

import io.earpiece.console.api.PageParams;
import io.earpiece.console.audit.AuditLog;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;

/**
 * Admin API over export jobs: list them with state, attempts and last error; replay a failed one. Admins only:
 * a job names its call and its last error may quote the CRM's answer about it, whoever's call it is.
 */
@RestController
@RequestMapping("/api/exports")
@PreAuthorize("hasRole('ADMIN')")
public class ExportsEndpoint {

    private final OutboxJobRepository jobs;
    private final JpaOutboxStore store;
    private final AuditLog audit;

    public ExportsEndpoint(OutboxJobRepository jobs, JpaOutboxStore store, AuditLog audit) {
        this.jobs = jobs;
        this.store = store;
        this.audit = audit;
    }

    /** Jobs, newest first; {@code callId} narrows to one call. */
    @GetMapping
    public Mono<List<ExportJobView>> list(@RequestParam(required = false) String callId,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        PageParams.check(page, size);
        return Mono.fromCallable(() -> (callId == null
                        ? jobs.findAllByOrderByCreatedAtDescIdAsc(PageRequest.of(page, size)).getContent()
                        : jobs.findByCallIdOrderByExporterAsc(callId)).stream().map(ExportsEndpoint::view).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Puts a failed job back in the queue, due now: 404 for an unknown job, 409 when it has not failed. */
    @PostMapping("/{id}/replay")
    public Mono<ExportJobView> replay(Authentication auth, @PathVariable String id, ServerHttpRequest request) {
        return Mono.fromCallable(() -> {
            OutboxJobEntity job = jobs.findById(id).orElseThrow(
                    () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no export job " + id));
            audit.audited(new AuditLog.Entry(auth.getName(), AuditLog.EXPORT_REPLAY, id,
                    job.getExporter() + " for call " + job.getCallId(), AuditLog.source(request)), () -> {
                        if (!store.replay(id, Instant.now())) {
                            throw new ResponseStatusException(HttpStatus.CONFLICT, "export job " + id + " has not failed");
                        }
                        return true;
                    });
            return view(jobs.findById(id).orElseThrow());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    static ExportJobView view(OutboxJobEntity e) {
        return new ExportJobView(e.getId(), e.getCallId(), e.getExporter(), e.getState(), e.getAttempts(),
                e.getDueAt(), e.getLastOutcome(), e.getCreatedAt(), e.getUpdatedAt());
    }
}
