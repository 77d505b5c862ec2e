package io.earpiece.console.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for HubSpot's CRM v3 objects API (contact search, notes and tasks: search by token, create)
 * that checks the bearer token, fails the first {@code failures} note creations with 503, and can hold one task
 * creation (after storing the task) until released, as a server whose answer never reaches a dying client.
 */
final class HubSpotStub implements AutoCloseable {

    static final String TOKEN = "pat-na1-stub-token";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger ids = new AtomicInteger(1000);
    final Map<String, String> notes = new ConcurrentHashMap<>();
    final Map<String, String> tasks = new ConcurrentHashMap<>();
    final List<String> unauthorized = new CopyOnWriteArrayList<>();
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger holdsLeft = new AtomicInteger(1);

    HubSpotStub(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.add(x.getRequestURI().getPath());
                send(x, 401, "{\"message\":\"bad token\"}");
                return;
            }
            JsonNode body = json.readTree(x.getRequestBody().readAllBytes());
            String path = x.getRequestURI().getPath();
            if (!"POST".equals(x.getRequestMethod())) {
                send(x, 405, "{}");
            } else if (path.equals("/crm/v3/objects/contacts/search")) {
                send(x, 200, "{\"total\":1,\"results\":[{\"id\":\"501\",\"properties\":{\"phone\":\"+15550100\"}}]}");
            } else if (path.equals("/crm/v3/objects/notes/search")) {
                send(x, 200, found(notes, body));
            } else if (path.equals("/crm/v3/objects/tasks/search")) {
                send(x, 200, found(tasks, body));
            } else if (path.equals("/crm/v3/objects/notes")) {
                if (failuresLeft.getAndDecrement() > 0) {
                    send(x, 503, "{\"message\":\"try later\"}");
                    return;
                }
                send(x, 201, created(notes, body.path("properties").path("hs_note_body").asText()));
            } else if (path.equals("/crm/v3/objects/tasks")) {
                String answer = created(tasks, body.path("properties").path("hs_task_body").asText());
                if (holdsLeft.getAndDecrement() > 0) {
                    holding.countDown();
                    release.await(30, TimeUnit.SECONDS);
                }
                send(x, 201, answer);
            } else {
                send(x, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (the JVM under test was stopped): nothing to answer.
        }
    }

    private String created(Map<String, String> store, String text) {
        String id = Integer.toString(ids.incrementAndGet());
        store.put(id, text);
        return "{\"id\":\"" + id + "\"}";
    }

    private String found(Map<String, String> store, JsonNode body) {
        JsonNode filter = body.path("filterGroups").path(0).path("filters").path(0);
        String token = filter.path("value").asText();
        ObjectNode answer = json.createObjectNode();
        var results = answer.putArray("results");
        if ("CONTAINS_TOKEN".equals(filter.path("operator").asText())) {
            store.forEach((id, text) -> {
                if (List.of(text.split("\\s+")).contains(token)) {
                    results.addObject().put("id", id);
                }
            });
        }
        answer.put("total", results.size());
        return answer.toString();
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
