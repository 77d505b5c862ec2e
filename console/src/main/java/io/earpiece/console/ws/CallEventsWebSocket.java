package io.earpiece.console.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.console.api.CallQueries;
import io.earpiece.console.auth.CallAccessPolicy;
import io.earpiece.console.events.CallEvent;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.events.SegmentEvent;
import io.earpiece.console.tracing.CallTracing;
import io.opentelemetry.api.trace.Span;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.util.function.Predicate;

/**
 * {@code /ws/events?call=ID}: the call's stored segments first, then live events, without duplicates;
 * without {@code call}, the live events of every call the user may see.
 */
@Component
public class CallEventsWebSocket implements WebSocketHandler {

    private final CallEventBus bus;
    private final CallQueries queries;
    private final ObjectMapper json;
    private final CallAccessPolicy access;
    private final CallTracing tracing;

    public CallEventsWebSocket(CallEventBus bus, CallQueries queries, ObjectMapper json, CallAccessPolicy access,
                               CallTracing tracing) {
        this.access = access;
        this.tracing = tracing;
        this.bus = bus;
        this.queries = queries;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        String callId = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build()
                .getQueryParams().getFirst("call");
        Flux<CallEvent> events = callId == null ? visibleLive(session) : storedThenLive(callId);
        // The client closing its side ends the stream, so the connection is released.
        Flux<String> frames = events.map(this::frame).takeUntilOther(session.receive().then());
        return session.send(frames.map(session::textMessage));
    }

    /** Live events of every call the signed-in user may see. */
    private Flux<CallEvent> visibleLive(WebSocketSession session) {
        return session.getHandshakeInfo().getPrincipal().cast(Authentication.class)
                .flatMapMany(user -> {
                    Predicate<String> visible = access.liveFilter(user);
                    return bus.stream().publishOn(Schedulers.boundedElastic()).filter(e -> visible.test(e.callId()));
                });
    }

    /** Subscribes to live events before reading the store, so nothing falls between the two. */
    private Flux<CallEvent> storedThenLive(String callId) {
        return Flux.defer(() -> {
            Sinks.Many<CallEvent> live = Sinks.many().unicast().onBackpressureBuffer();
            Disposable subscription = bus.stream().filter(e -> e.callId().equals(callId))
                    .subscribe(live::tryEmitNext);
            Flux<CallEvent> stored = Mono.fromCallable(() -> queries.segments(callId))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(Flux::fromIterable)
                    .map(s -> (CallEvent) new SegmentEvent(callId, s.party(), s.index(), s.startMs(), s.endMs(), s.text(), true));
            return Flux.concat(stored, live.asFlux()).distinct(CallEvent::key).doFinally(x -> subscription.dispose());
        });
    }

    /** The event's frame; a final's hand-over to this socket is traced (partials are too many to trace). */
    private String frame(CallEvent event) {
        Span span = event instanceof SegmentEvent s && s.isFinal() ? tracing.push(s.callId(), s.party(), s.index())
                : Span.getInvalid();
        try {
            return toJson(event);
        } finally {
            span.end();
        }
    }

    private String toJson(CallEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
