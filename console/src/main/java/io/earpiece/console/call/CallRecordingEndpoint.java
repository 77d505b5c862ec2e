package io.earpiece.console.call;

import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallParticipantEntity;
import io.earpiece.db.call.CallRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.List;

/**
 * Who a SIPREC recording client said was in a call, and its recording session id. Under {@code /api/calls/{id}},
 * so the call access filter lets only those who may see the call read it. A call that did not come from SIPREC
 * has no session id and no participants.
 */
@RestController
public class CallRecordingEndpoint {

    /**
     * @param role   "caller", "callee" or "unknown" (the client did not say)
     * @param labels the stream labels the participant sends on
     * @param party  the party it is heard in ("rep", "customer", "mixed"), or null when not recorded
     */
    public record ParticipantView(String name, String aor, String number, String role, List<String> labels,
                                  String party) {
    }

    public record RecordingView(String recordingSessionId, List<ParticipantView> participants) {
    }

    private final CallRepository calls;
    private final RecordingParticipantStore participants;

    public CallRecordingEndpoint(CallRepository calls, RecordingParticipantStore participants) {
        this.calls = calls;
        this.participants = participants;
    }

    @GetMapping("/api/calls/{id}/recording")
    public Mono<RecordingView> recording(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            CallEntity call = calls.findById(id)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no call " + id));
            return new RecordingView(call.getRecordingSessionId(),
                    participants.of(id).stream().map(CallRecordingEndpoint::view).toList());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static ParticipantView view(CallParticipantEntity p) {
        return new ParticipantView(p.getName(), p.getAor(), p.getNumber(), p.getRole(),
                p.getLabels().isEmpty() ? List.of() : Arrays.asList(p.getLabels().split(",")), p.getParty());
    }
}
