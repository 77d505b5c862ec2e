package io.earpiece.console.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.routing.RoutedMessageEntity;
import io.earpiece.db.routing.RoutedMessageRepository;
import io.earpiece.plugins.export.outbox.OutboxState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What routing did for one call, for the call page: each entry's rule, why it matched (the values), to whom, and
 * where delivery stands (read from its outbox job). Scoped like the call itself: CallAccessFilter answers 404 for a
 * call the user may not see.
 */
@RestController
public class CallRoutingEndpoint {

    /**
     * One routed entry. {@code status}: pending, delivered, failed, assigned or not-sent; {@code detail} the last
     * outcome (the reason of a failure or of a pending retry); {@code attempts} the failed attempts so far.
     */
    public record RoutedView(String rule, boolean escalation, String reason, Map<String, Object> matched,
                             String channel, String recipient, String status, String detail, int attempts,
                             Instant at) {
    }

    private final RoutedMessageRepository messages;
    private final OutboxJobRepository jobs;
    private final ObjectMapper json;

    public CallRoutingEndpoint(RoutedMessageRepository messages, OutboxJobRepository jobs, ObjectMapper json) {
        this.messages = messages;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/api/calls/{id}/routing")
    public Mono<List<RoutedView>> routing(@PathVariable String id) {
        return Mono.fromCallable(() -> messages.findByCallIdOrderBySeqAsc(id).stream().map(this::view).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    private RoutedView view(RoutedMessageEntity m) {
        String status = m.getState();
        String detail = m.getOutcome();
        int attempts = 0;
        Instant at = m.getCreatedAt();
        if (m.getOutboxJobId() != null) {
            OutboxJobEntity job = jobs.findById(m.getOutboxJobId()).orElse(null);
            if (job == null) {
                status = RoutedStatus.FAILED;
                detail = "its delivery job is gone";
            } else {
                status = OutboxState.DELIVERED.name().equals(job.getState()) ? RoutedStatus.DELIVERED
                        : OutboxState.FAILED.name().equals(job.getState()) ? RoutedStatus.FAILED : RoutedStatus.PENDING;
                detail = job.getLastOutcome();
                attempts = job.getAttempts();
                at = job.getUpdatedAt();
            }
        }
        return new RoutedView(m.getRuleName(), m.isEscalation(), m.getReason(), matched(m.getMatched()),
                m.getChannel(), m.getRecipient(), status, detail, attempts, at);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> matched(String stored) {
        try {
            return json.readValue(stored, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
