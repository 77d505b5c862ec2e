package io.earpiece.console.summary;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code PUT /api/calls/{id}/action-items/{seq}} with {@code {"done":true}} (or false): the call page's checklist.
 * Whoever may open the call may tick its items (the call access filter answers 404 to anyone else).
 */
@RestController
public class ActionItemsEndpoint {

    /** The request body; {@code done} is required, so an empty body is a 400 rather than a silent reopen. */
    public record Mark(Boolean done) {
    }

    private final ActionItemChecklist checklist;

    public ActionItemsEndpoint(ActionItemChecklist checklist) {
        this.checklist = checklist;
    }

    @PutMapping("/api/calls/{id}/action-items/{seq}")
    public Mono<SummaryView.ActionItemView> mark(Authentication auth, @PathVariable String id, @PathVariable int seq,
                                                 @RequestBody Mark body) {
        if (body.done() == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "done must be true or false"));
        }
        String user = auth == null ? null : auth.getName();
        return Mono.fromCallable(() -> checklist.mark(id, seq, body.done(), user).orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no action item " + seq + " in call " + id)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
