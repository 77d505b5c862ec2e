package io.earpiece.console.search;

import io.earpiece.console.auth.CallAccessPolicy;
import io.earpiece.console.report.ReportProperties;
import io.earpiece.db.search.CallSearch;
import io.earpiece.db.search.SearchCriteria;
import io.earpiece.db.search.SearchPage;
import io.earpiece.db.search.SearchSort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/search}: call history, newest first, filtered by words said ({@code q}), rep, customer, time
 * range, call type, objection kind and sentiment; paged, newest first or {@code sort=oldest|longest|shortest}.
 * Each hit carries the library's columns (status, rep, customer, lines, objection kinds, cards used).
 */
@RestController
public class SearchEndpoint {

    private final CallSearch search;
    private final ReportProperties reports;
    private final CallAccessPolicy access;

    public SearchEndpoint(CallSearch search, ReportProperties reports, CallAccessPolicy access) {
        this.search = search;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/api/search")
    public Mono<SearchPage> search(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) String rep,
                                   @RequestParam(required = false) String customer,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String objection,
                                   @RequestParam(required = false) String sentiment,
                                   @RequestParam(required = false) String sort,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   Authentication user) {
        return Mono.fromCallable(() -> {
            SearchCriteria criteria;
            try {
                criteria = new SearchCriteria(q, rep, customer, TimeParams.start(from, reports.zone()),
                        TimeParams.end(to, reports.zone()), type, objection, page, size)
                        .withSentimentAndSort(sentiment, SearchSort.parse(sort));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            // a rep's search lists, pages and counts only the calls they may open; in open mode (no sign-in)
            // every call is everyone's
            return search.search(user == null ? criteria : criteria.ownedBy(access.owners(user).orElse(null)));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
