package io.earpiece.console.testing;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for HubSpot's CRM v3 objects API (contact search, notes and tasks: search by token, create)
 * that checks each request as HubSpot documents it (developers.hubspot.com, CRM API: search, notes, tasks,
 * associations v4 default types): a private-app bearer token, a JSON body, a search with {@code filterGroups} of
 * {@code filters} naming a property, a known operator and a value, at most 200 results; a note or task created with
 * {@code properties.hs_timestamp} and its body, and associations to contacts as {@code to.id} with
 * {@code HUBSPOT_DEFINED} type 202 (note to contact) or 204 (task to contact). A request that breaks these gets 400
 * with HubSpot's {@code VALIDATION_ERROR} and is listed in {@link #invalid}. It fails the first {@code failures} note
 * creations with 503, and holds one creation of {@code holdOn} ("notes" or "tasks"), after storing it, until
 * released: a server whose answer never reaches a dying client.
 */
public final class HubSpotStub implements AutoCloseable {

    public static final String TOKEN = "pat-na1-stub-token";
    private static final Set<String> OPERATORS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN",
            "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN");
    private static final Map<String, Integer> CONTACT_ASSOCIATION = Map.of("notes", 202, "tasks", 204);
    private static final Map<String, String> BODY_PROPERTY = Map.of("notes", "hs_note_body", "tasks", "hs_task_body");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final String holdOn;
    private final AtomicInteger ids = new AtomicInteger(1000);
    public final Map<String, String> notes = new ConcurrentHashMap<>();
    public final Map<String, String> tasks = new ConcurrentHashMap<>();
    public final List<String> unauthorized = new CopyOnWriteArrayList<>();
    /** Requests HubSpot would refuse, with the reason. */
    public final List<String> invalid = new CopyOnWriteArrayList<>();
    public final CountDownLatch holding = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger holdsLeft = new AtomicInteger(1);

    /** Holds the first task creation. */
    public HubSpotStub(int failures) throws IOException {
        this(failures, "tasks");
    }

    public HubSpotStub(int failures, String holdOn) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.holdOn = holdOn;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The settings that point Earpiece's HubSpot exporter here. */
    public List<String> properties() {
        return List.of("earpiece.exports.hubspot.base-url=" + baseUrl(),
                "earpiece.exports.hubspot.access-token=" + TOKEN);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.add(x.getRequestURI().getPath());
                send(x, 401, "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\"}");
                return;
            }
            String path = x.getRequestURI().getPath();
            if (!"POST".equals(x.getRequestMethod())) {
                send(x, 405, "{}");
                return;
            }
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                refuse(x, path, "Content-Type must be application/json, was " + type);
                return;
            }
            JsonNode body;
            try {
                body = json.readTree(x.getRequestBody().readAllBytes());
            } catch (IOException e) {
                refuse(x, path, "body is not JSON");
                return;
            }
            if (path.equals("/crm/v3/objects/contacts/search")) {
                String problem = searchProblem(body);
                if (problem != null) {
                    refuse(x, path, problem);
                } else {
                    send(x, 200, "{\"total\":1,\"results\":[{\"id\":\"501\",\"properties\":{\"phone\":\"+15550100\"}}]}");
                }
            } else if (path.equals("/crm/v3/objects/notes/search") || path.equals("/crm/v3/objects/tasks/search")) {
                String problem = searchProblem(body);
                if (problem != null) {
                    refuse(x, path, problem);
                } else {
                    send(x, 200, found(path.contains("/notes/") ? notes : tasks, body));
                }
            } else if (path.equals("/crm/v3/objects/notes") || path.equals("/crm/v3/objects/tasks")) {
                String objectType = path.substring(path.lastIndexOf('/') + 1);
                String problem = createProblem(objectType, body);
                if (problem != null) {
                    refuse(x, path, problem);
                    return;
                }
                if (objectType.equals("notes") && failuresLeft.getAndDecrement() > 0) {
                    send(x, 503, "{\"message\":\"try later\"}");
                    return;
                }
                String answer = created(objectType.equals("notes") ? notes : tasks,
                        body.path("properties").path(BODY_PROPERTY.get(objectType)).asText());
                if (objectType.equals(holdOn) && holdsLeft.getAndDecrement() > 0) {
                    holding.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                send(x, 201, answer);
            } else {
                send(x, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (the JVM under test was stopped or killed): nothing to answer.
        }
    }

    /** What HubSpot's search endpoint would refuse in this body, or null. */
    private static String searchProblem(JsonNode body) {
        JsonNode groups = body.path("filterGroups");
        if (!groups.isArray()) {
            return "filterGroups must be an array";
        }
        if (groups.size() > 5) {
            return "at most 5 filterGroups";
        }
        for (JsonNode group : groups) {
            if (!group.path("filters").isArray()) {
                return "each filter group needs a filters array";
            }
            for (JsonNode f : group.path("filters")) {
                if (f.path("propertyName").asText("").isEmpty()) {
                    return "a filter without propertyName";
                }
                if (!OPERATORS.contains(f.path("operator").asText())) {
                    return "unknown operator " + f.path("operator");
                }
                if (!f.path("operator").asText().endsWith("HAS_PROPERTY") && !f.has("value") && !f.has("values")) {
                    return "a filter without value";
                }
            }
        }
        if (body.has("limit") && (!body.path("limit").canConvertToInt() || body.path("limit").asInt() < 1
                || body.path("limit").asInt() > 200)) {
            return "limit must be 1 to 200";
        }
        return null;
    }

    /** What HubSpot would refuse in a note or task creation, or null. */
    private static String createProblem(String objectType, JsonNode body) {
        JsonNode properties = body.path("properties");
        if (!properties.isObject()) {
            return "properties must be an object";
        }
        if (properties.path("hs_timestamp").asText("").isEmpty()) {
            return "hs_timestamp is required";
        }
        if (properties.path(BODY_PROPERTY.get(objectType)).asText("").isEmpty()) {
            return BODY_PROPERTY.get(objectType) + " is empty";
        }
        for (JsonNode a : body.path("associations")) {
            if (a.path("to").path("id").asText("").isEmpty()) {
                return "an association without to.id";
            }
            for (JsonNode t : a.path("types")) {
                if (!"HUBSPOT_DEFINED".equals(t.path("associationCategory").asText())
                        || t.path("associationTypeId").asInt() != CONTACT_ASSOCIATION.get(objectType)) {
                    return "association type " + t + " is not " + objectType + " to contact";
                }
            }
        }
        return null;
    }

    private void refuse(HttpExchange x, String path, String problem) throws IOException {
        invalid.add(path + ": " + problem);
        ObjectNode answer = json.createObjectNode().put("status", "error").put("category", "VALIDATION_ERROR")
                .put("message", problem);
        send(x, 400, answer.toString());
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
