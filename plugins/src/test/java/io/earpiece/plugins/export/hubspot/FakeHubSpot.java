package io.earpiece.plugins.export.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import io.earpiece.plugins.export.stub.StubServer.Response;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stateful HubSpot CRM v3 stand-in: two pages of matching contacts, notes and tasks stored on create,
 * CONTAINS_TOKEN search over their bodies, bearer-token check, and switches to fail the next creates after
 * storing (a lost answer) or to rate-limit.
 */
public final class FakeHubSpot implements AutoCloseable {
    public static final String TOKEN = "pat-na1-test-token";

    public final StubServer server;
    public final Map<String, JsonNode> notes = new ConcurrentHashMap<>();
    public final Map<String, JsonNode> tasks = new ConcurrentHashMap<>();
    public final AtomicInteger failCreatesAfterStoring = new AtomicInteger();
    public final AtomicInteger rateLimitNext = new AtomicInteger();
    public final AtomicInteger rejectNext = new AtomicInteger();
    /** When set, no contact matches any search. */
    public final java.util.concurrent.atomic.AtomicBoolean noContacts = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicInteger ids = new AtomicInteger(900);

    public FakeHubSpot() throws IOException {
        server = new StubServer();
        server.on("POST", "/crm/v3/objects/contacts/search", r -> guarded(r, () -> {
            JsonNode body = Fixtures.json(r.body());
            if (noContacts.get()) {
                return Response.json(200, "{\"total\":0,\"results\":[]}");
            }
            return body.path("after").asText("").equals("1")
                    ? Response.json(200, "{\"total\":2,\"results\":[{\"id\":\"102\",\"properties\":{}}]}")
                    : Response.json(200, "{\"total\":2,\"results\":[{\"id\":\"101\",\"properties\":{}}],"
                    + "\"paging\":{\"next\":{\"after\":\"1\",\"link\":\"?after=1\"}}}");
        }));
        server.on("POST", "/crm/v3/objects/notes/search", r -> guarded(r, () -> search(notes, r, "hs_note_body")));
        server.on("POST", "/crm/v3/objects/tasks/search", r -> guarded(r, () -> search(tasks, r, "hs_task_body")));
        server.on("POST", "/crm/v3/objects/notes", r -> guarded(r, () -> create(notes, r)));
        server.on("POST", "/crm/v3/objects/tasks", r -> guarded(r, () -> create(tasks, r)));
    }

    private Response guarded(StubServer.Request r, java.util.function.Supplier<Response> ok) {
        if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
            return Response.json(401, "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\"}");
        }
        if (!"application/json".equals(r.header("Content-Type"))) {
            return Response.json(415, "{\"status\":\"error\"}");
        }
        if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Response(429, Map.of("Content-Type", "application/json", "Retry-After", "7"),
                    "{\"status\":\"error\",\"category\":\"RATE_LIMITS\"}");
        }
        return ok.get();
    }

    private Response search(Map<String, JsonNode> store, StubServer.Request r, String property) {
        JsonNode filter = Fixtures.json(r.body()).path("filterGroups").path(0).path("filters").path(0);
        if (!filter.path("propertyName").asText().equals(property)
                || !filter.path("operator").asText().equals("CONTAINS_TOKEN")) {
            return Response.json(400, "{\"status\":\"error\",\"message\":\"bad filter\"}");
        }
        String token = filter.path("value").asText();
        for (Map.Entry<String, JsonNode> e : store.entrySet()) {
            if (e.getValue().path("properties").path(property).asText().contains(token)) {
                return Response.json(200, "{\"total\":1,\"results\":[{\"id\":\"" + e.getKey() + "\"}]}");
            }
        }
        return Response.json(200, "{\"total\":0,\"results\":[]}");
    }

    private Response create(Map<String, JsonNode> store, StubServer.Request r) {
        if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.json(400, "{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\"}");
        }
        String id = Integer.toString(ids.incrementAndGet());
        store.put(id, Fixtures.json(r.body()));
        if (failCreatesAfterStoring.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.json(502, "{\"status\":\"error\",\"message\":\"bad gateway\"}");
        }
        return Response.json(201, "{\"id\":\"" + id + "\",\"properties\":{}}");
    }

    @Override
    public void close() {
        server.close();
    }
}
