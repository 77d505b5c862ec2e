package io.earpiece.console.events;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In-process fan-out of live call events to WebSocket subscribers. Slow subscribers miss live events
 * rather than stall the call path; they recover them from the database on reconnect.
 */
@Component
public class CallEventBus {

    private final Sinks.Many<CallEvent> sink = Sinks.many().multicast().directBestEffort();

    public void publish(CallEvent event) {
        synchronized (sink) {
            sink.tryEmitNext(event);
        }
    }

    /** Live subscribers right now (WebSocket sessions and their like). */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    public Flux<CallEvent> stream() {
        return sink.asFlux();
    }
}
