package io.earpiece.console.audit;

import io.earpiece.console.api.PageParams;
import io.earpiece.db.audit.AuditEntryEntity;
import io.earpiece.db.audit.AuditEntryRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;

/** The audit log for admins, newest first, paged; {@code action} narrows to one action (e.g. login.failure). */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('ADMIN')")
public class AuditEndpoint {

    /** One stored entry as the API shows it. */
    public record AuditView(long id, Instant occurredAt, String actor, String action, String target, String detail,
                            String source) {
    }

    private final AuditEntryRepository entries;

    public AuditEndpoint(AuditEntryRepository entries) {
        this.entries = entries;
    }

    @GetMapping
    public Mono<List<AuditView>> list(@RequestParam(required = false) String action,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        PageParams.check(page, size);
        return Mono.fromCallable(() -> (action == null
                        ? entries.findAllByOrderByIdDesc(PageRequest.of(page, size))
                        : entries.findByActionOrderByIdDesc(action, PageRequest.of(page, size)))
                        .stream().map(AuditEndpoint::view).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    static AuditView view(AuditEntryEntity e) {
        return new AuditView(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail(),
                e.getSource());
    }
}
