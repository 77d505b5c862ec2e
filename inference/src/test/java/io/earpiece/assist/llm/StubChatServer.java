package io.earpiece.assist.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server on an ephemeral port that records each request and plays scripted answers in order, then
 * the standing answer if one is set; the inference tests and the console's ITs share it (test-jar).
 */
public final class StubChatServer implements AutoCloseable {
    /** A recorded request. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        /** The first value of a header, by case-insensitive name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer; {@code delay} holds the answer back (for timeouts). */
    public record Answer(int status, String body, Duration delay) {
        /** 200 with {@code body}, at once. */
        public static Answer ok(String body) {
            return new Answer(200, body, Duration.ZERO);
        }

        /** An OpenAI Chat Completions 200 whose assistant message is {@code content}. */
        public static Answer openAi(String content) {
            return ok(ChatBodies.openAi(content, 400, 200));
        }

        /** The same answer, held back {@code millis} first. */
        public Answer delayed(long millis) {
            return new Answer(status, body, Duration.ofMillis(millis));
        }
    }

    private static final Answer NO_ANSWER = new Answer(500, "{\"error\":{\"message\":\"no scripted answer\"}}",
            Duration.ZERO);

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile Answer standing = NO_ANSWER;

    public StubChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-chat");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void enqueue(Answer answer) {
        script.addLast(answer);
    }

    /** The answer to every request once the scripted ones are used up. */
    public void answerAlways(Answer answer) {
        standing = answer;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets requests and answers, and lets held answers go. */
    public void reset() {
        released.countDown();
        released = new CountDownLatch(1);
        requests.clear();
        script.clear();
        standing = NO_ANSWER;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = script.pollFirst();
        if (answer == null) {
            answer = standing;
        }
        try {
            if (!answer.delay().isZero()) {
                released.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client gave up (timeout test); nothing left to answer.
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
