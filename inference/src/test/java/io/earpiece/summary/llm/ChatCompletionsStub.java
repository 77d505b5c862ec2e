package io.earpiece.summary.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback OpenAI-compatible Chat Completions server on an ephemeral port: records each request and answers
 * with the configured assistant content, status and delay.
 */
public final class ChatCompletionsStub implements AutoCloseable {
    /** A recorded request. */
    public record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile String content = "{}";
    private volatile int status = 200;
    private volatile long delayMs;

    public ChatCompletionsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "chat-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API root to configure ({@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers 200 with this assistant message content from now on. */
    public void answer(String assistantContent) {
        this.content = assistantContent;
        this.status = 200;
    }

    /** Answers with this HTTP status and an error body from now on. */
    public void fail(int httpStatus) {
        this.status = httpStatus;
    }

    /** Holds each answer back this long (released early when the stub closes). */
    public void delay(long millis) {
        this.delayMs = millis;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        try {
            if (delayMs > 0) {
                closing.await(delayMs, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = (status == 200 ? completion(content) : "{\"error\":{\"message\":\"stub outage\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up waiting (timeout tests).
        }
    }

    /** A Chat Completions response (object "chat.completion") in the documented shape. */
    private static String completion(String assistantContent) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "stub-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", assistantContent);
        root.putObject("usage").put("prompt_tokens", 400).put("completion_tokens", 200).put("total_tokens", 600);
        return root.toString();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
