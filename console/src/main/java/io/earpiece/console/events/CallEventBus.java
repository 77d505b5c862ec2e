package io.earpiece.console.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fan-out of live call events to WebSocket subscribers. Slow subscribers miss live events rather than stall the call
 * path; they recover them from the database on reconnect.
 * <p>
 * Events of this node's calls are {@link #publish published}; in cluster mode a relay also hands them to the other
 * nodes ({@link #onLocal}) and {@link #deliverRemote delivers} theirs here, so a browser on any node follows any call.
 */
@Component
public class CallEventBus {

    private static final Logger log = LoggerFactory.getLogger(CallEventBus.class);

    private final Sinks.Many<CallEvent> sink = Sinks.many().multicast().directBestEffort();
    private final List<Consumer<CallEvent>> localListeners = new CopyOnWriteArrayList<>();

    /** An event of a call this node runs: to local subscribers and to the relays. */
    public void publish(CallEvent event) {
        emit(event);
        for (Consumer<CallEvent> listener : localListeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // a relay's trouble must not reach the call path; the relay counts its own failures
                log.warn("event relay failed for {}: {}", event.key(), e.toString());
            }
        }
    }

    /** An event another node published: to local subscribers only. */
    public void deliverRemote(CallEvent event) {
        emit(event);
    }

    /** Called with every event this node publishes, on the publishing thread: must be quick and must not block. */
    public void onLocal(Consumer<CallEvent> listener) {
        localListeners.add(listener);
    }

    private void emit(CallEvent event) {
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
