package io.earpiece.console.call;

import io.earpiece.db.call.CallEventEntity;
import io.earpiece.db.call.CallEventRepository;
import io.earpiece.db.call.CallRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;

/**
 * A call's stored events (DTMF digits, hold, resume) in the order they happened. Under {@code /api/calls/{id}}, so
 * the call access filter lets only those who may see the call read them.
 */
@RestController
public class CallEventsEndpoint {

    /**
     * One event.
     *
     * @param detail   the digit of a DTMF event, else null
     * @param offsetMs DTMF: media time in the party's stream (as transcript segments); hold and resume: since the
     *                 call started
     */
    public record CallEventView(long id, String kind, String party, String detail, Integer durationMs, long offsetMs,
                                Instant at) {
    }

    private final CallRepository calls;
    private final CallEventRepository events;

    public CallEventsEndpoint(CallRepository calls, CallEventRepository events) {
        this.calls = calls;
        this.events = events;
    }

    @GetMapping("/api/calls/{id}/events")
    public Mono<List<CallEventView>> events(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            if (!calls.existsById(id)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + id);
            }
            return events.findByCallIdOrderByIdAsc(id).stream().map(CallEventsEndpoint::view).toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static CallEventView view(CallEventEntity e) {
        return new CallEventView(e.getId(), e.getKind(), e.getParty(), e.getDetail(), e.getDurationMs(),
                e.getOffsetMs(), e.getOccurredAt());
    }
}
