package io.earpiece.console.api;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

/** REST API over stored calls: list, detail with transcript, and each party's recording. */
@RestController
@RequestMapping("/api/calls")
public class CallsEndpoint {

    private static final Pattern PARTY = Pattern.compile("(rep|customer)(-[0-9]{1,2})?|mixed|Speaker [0-9]{1,2}");

    private final CallQueries queries;

    public CallsEndpoint(CallQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    public Mono<List<CallViews.CallSummary>> list(@RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size,
                                                 Authentication user) {
        PageParams.check(page, size);
        return Mono.fromCallable(() -> queries.list(user, page, size)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{id}")
    public Mono<CallViews.CallDetail> detail(@PathVariable String id) {
        return Mono.fromCallable(() -> queries.detail(id).orElseThrow(() -> notFound("no call " + id)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{id}/audio/{party}.wav")
    public Mono<ResponseEntity<Resource>> audio(@PathVariable String id, @PathVariable String party) {
        if (!PARTY.matcher(party).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "party must be rep, customer, mixed or Speaker N"));
        }
        return Mono.fromCallable(() -> {
            var path = queries.recording(id, party).orElseThrow(() -> notFound("no " + party + " party in call " + id));
            if (!Files.isRegularFile(path)) {
                throw notFound("recording of " + party + " in call " + id + " is not available");
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                    .body((Resource) new FileSystemResource(path));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseStatusException notFound(String why) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }
}
