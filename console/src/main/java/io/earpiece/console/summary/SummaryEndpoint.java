package io.earpiece.console.summary;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/calls/{id}/summary}: the stored after-call summary, 404 until it is ready. */
@RestController
public class SummaryEndpoint {

    private final SummaryQueries queries;

    public SummaryEndpoint(SummaryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/calls/{id}/summary")
    public Mono<SummaryView> summary(@PathVariable String id) {
        return Mono.fromCallable(() -> queries.find(id).orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no summary for call " + id + " (yet)")))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
