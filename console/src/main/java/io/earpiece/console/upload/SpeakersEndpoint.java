package io.earpiece.console.upload;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/calls/{id}/speakers} and {@code PUT /api/calls/{id}/speakers} with e.g.
 * {@code {"Speaker 1":"Dana"}}: the display names of a call's speakers; a rename is stored and sticks.
 * {@code GET /api/calls/{id}/names}: each speaker's role, name and where the name came from. Who may see the call
 * may rename its speakers ({@code CallAccessFilter}): its rep, their manager, an admin.
 */
@RestController
public class SpeakersEndpoint {

    private final SpeakerNames names;

    public SpeakersEndpoint(SpeakerNames names) {
        this.names = names;
    }

    @GetMapping("/api/calls/{id}/speakers")
    public Mono<Map<String, String>> speakers(@PathVariable String id) {
        return Mono.fromCallable(() -> names.names(id).orElseThrow(() -> notFound(id)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/calls/{id}/names")
    public Mono<List<SpeakerNames.PartyName>> partyNames(@PathVariable String id) {
        return Mono.fromCallable(() -> names.parties(id).orElseThrow(() -> notFound(id)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PutMapping("/api/calls/{id}/speakers")
    public Mono<Map<String, String>> rename(@PathVariable String id, @RequestBody Map<String, String> renames) {
        return Mono.fromCallable(() -> {
            try {
                return names.rename(id, renames).orElseThrow(() -> notFound(id));
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + id);
    }
}
