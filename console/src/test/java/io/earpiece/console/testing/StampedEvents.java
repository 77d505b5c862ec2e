package io.earpiece.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * A console's view of {@code /ws/events} without a call (every call the user may see), with the moment each
 * event arrived. Arrival is stamped with {@link System#nanoTime()} before anything else is done with the frame, and
 * turned into wall-clock time through one anchor taken at connect time, so that it can be compared with times other
 * processes wrote (sipp's message trace) without the wall clock's steps in between.
 */
public final class StampedEvents implements AutoCloseable {

    /** One event as it arrived: its wall-clock arrival and its JSON. */
    public record Stamped(Instant arrived, JsonNode event) {

        public String type() {
            return event.path("type").asText();
        }

        public String callId() {
            return event.path("callId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Stamped> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean open = new AtomicBoolean();
    private final Disposable connection;
    private final Instant anchorWall;
    private final long anchorNanos;

    private StampedEvents(int port, String token) {
        anchorNanos = System.nanoTime();
        anchorWall = Instant.now();
        connection = new ReactorNettyWebSocketClient().execute(TestAuth.webSocket(port, "/ws/events", token),
                session -> {
                    open.set(true);
                    return session.receive().doOnNext(m -> {
                        long arrived = System.nanoTime();
                        events.add(new Stamped(wall(arrived), parse(m.getPayloadAsText())));
                    }).then();
                }).subscribe();
    }

    /** Connects as the holder of {@code token} and returns once the socket is open. */
    public static StampedEvents connect(int port, String token) {
        StampedEvents events = new StampedEvents(port, token);
        await().atMost(Duration.ofSeconds(10)).untilTrue(events.open);
        return events;
    }

    /** The events that arrived so far, in arrival order. */
    public List<Stamped> all() {
        return List.copyOf(events);
    }

    /** Wall-clock time of a {@link System#nanoTime()} reading, on this client's anchor. */
    public Instant wall(long nanos) {
        return anchorWall.plusNanos(nanos - anchorNanos);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connection.dispose();
    }
}
