package io.earpiece.console.export;

import io.earpiece.db.outbox.OutboxJobRepository;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/calls/{id}/exports}: where the call's CRM and other exports stand, for the call page. Anyone who
 * may open the call sees the state of each export; only admins see the last outcome, which may quote the CRM's
 * answer (the admin API, {@code /api/exports}, is where failed ones are replayed).
 */
@RestController
public class CallExportsEndpoint {

    /** One exporter's job for the call: state PENDING, DONE or FAILED, with attempts and when it last changed. */
    public record CallExport(String exporter, String state, int attempts, Instant updatedAt, String lastOutcome) {
    }

    /** Jobs of routed messages ("routing:SEQ"): the call page shows them in its own Routed block. */
    private static final String ROUTED_TARGETS = "routing:";

    private final OutboxJobRepository jobs;

    public CallExportsEndpoint(OutboxJobRepository jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/calls/{id}/exports")
    public Mono<List<CallExport>> exports(@PathVariable String id, Authentication auth) {
        boolean admin = auth == null || auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return Mono.fromCallable(() -> jobs.findByCallIdOrderByExporterAsc(id).stream()
                        .filter(j -> !j.getExporter().startsWith(ROUTED_TARGETS))
                        .map(j -> new CallExport(j.getExporter(), j.getState(), j.getAttempts(), j.getUpdatedAt(),
                                admin ? j.getLastOutcome() : null))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
