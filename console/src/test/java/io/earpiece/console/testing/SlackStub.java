package io.earpiece.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack incoming webhook on this machine that checks each request as Slack documents it: a {@code POST} of
 * {@code application/json} to the webhook's path, a JSON object with a non-empty string {@code text} and, if
 * present, an array {@code blocks}. A good post is kept and answered 200 {@code ok} in {@code text/html}, as Slack
 * answers; anything else is refused as Slack refuses it (400 {@code invalid_payload}, 404 {@code no_service},
 * 405) and kept among {@link #refusals()}.
 */
public final class SlackStub implements AutoCloseable {

    public static final String PATH = "/services/T0EARPIECE/B0ROUTING/x1y2z3";

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    private SlackStub(HttpServer server) {
        this.server = server;
    }

    public static SlackStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SlackStub stub = new SlackStub(server);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    /** The webhook URL to configure. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The messages accepted, in order. */
    public List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** Why requests were refused. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                refuse(exchange, 404, "no_service", "path " + exchange.getRequestURI().getPath());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                refuse(exchange, 405, "invalid_method", "method " + exchange.getRequestMethod());
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/json")) {
                refuse(exchange, 400, "invalid_payload", "content type " + type);
                return;
            }
            JsonNode message;
            try {
                message = json.readTree(new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                refuse(exchange, 400, "invalid_payload", "not JSON");
                return;
            }
            if (message == null || !message.isObject() || !message.path("text").isTextual()
                    || message.path("text").asText().isBlank()) {
                refuse(exchange, 400, "no_text", "no text in " + message);
                return;
            }
            if (message.has("blocks") && !message.get("blocks").isArray()) {
                refuse(exchange, 400, "invalid_blocks", "blocks is not an array");
                return;
            }
            messages.add(message);
            answer(exchange, 200, "ok");
        }
    }

    private void refuse(HttpExchange exchange, int status, String error, String why) throws IOException {
        refusals.add(why);
        answer(exchange, status, error);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
