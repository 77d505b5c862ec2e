package io.earpiece.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.earpiece.plugins.export.webhook.WebhookSignature;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback webhook subscriber that receives as docs/after-call.md tells receivers to: it verifies the signature
 * ({@code X-Earpiece-Signature} over {@code X-Earpiece-Timestamp.body}, 5 minutes' tolerance), requires the
 * {@code Idempotency-Key} header to equal the body's {@code id}, and processes each key once, answering a repeated
 * key 200 without processing it again. Every request is recorded. The first {@code holds} processed deliveries are
 * answered only when {@link #release} is counted down, as a receiver whose answer never reaches a dying sender.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String idempotencyKey, JsonNode body, boolean signatureValid, int status) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final String secret;
    private final AtomicInteger holdsLeft;
    public final List<Received> requests = new CopyOnWriteArrayList<>();
    /** Processed events by idempotency key: what the subscriber's own system would have done. */
    public final Map<String, JsonNode> processed = new ConcurrentHashMap<>();
    public final CountDownLatch holding = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);

    public WebhookReceiver(String secret, int holds) throws IOException {
        this.secret = secret;
        this.holdsLeft = new AtomicInteger(holds);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/earpiece";
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = x.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
            boolean signed = WebhookSignature.verify(secret,
                    x.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                    x.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(),
                    Duration.ofMinutes(5));
            JsonNode event;
            try {
                event = json.readTree(body);
            } catch (IOException e) {
                requests.add(new Received(key, null, signed, 400));
                send(x, 400);
                return;
            }
            if (!signed || key == null || !key.equals(event.path("id").asText())) {
                requests.add(new Received(key, event, signed, 400));
                send(x, 400);
                return;
            }
            requests.add(new Received(key, event, true, 200));
            if (processed.putIfAbsent(key, event) == null && holdsLeft.getAndDecrement() > 0) {
                holding.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
            send(x, 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException dead) {
            // The sender died while its request was held: its answer has nowhere to go.
        }
    }

    private static void send(HttpExchange x, int status) throws IOException {
        x.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
