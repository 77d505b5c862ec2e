package io.earpiece.plugins.export.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.InMemoryDeliveryLedger;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import io.earpiece.plugins.export.stub.StubServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipedriveExporterTest {
    private static final String TOKEN = "659c9fddb16335e48cc67114694b52074e812e03";
    private StubServer pd;
    private final List<JsonNode> notes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> activities = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicInteger loseNextAnswer = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        pd = new StubServer();
        pd.on("GET", "/v1/persons/search", r -> guarded(r, () -> {
            Map<String, String> q = r.query();
            if (!q.get("fields").equals("phone,email") || !q.get("exact_match").equals("true")) {
                return Response.json(400, "{\"success\":false,\"error\":\"bad query\"}");
            }
            // The e-mail finds nobody; the phone's match is on the second page.
            if (q.get("term").equals("+15552124478") && q.get("start").equals("0")) {
                return Response.json(200, "{\"success\":true,\"data\":{\"items\":[]},\"additional_data\":"
                        + "{\"pagination\":{\"start\":0,\"limit\":100,\"more_items_in_collection\":true,"
                        + "\"next_start\":100}}}");
            }
            if (q.get("term").equals("+15552124478") && q.get("start").equals("100")) {
                return Response.json(200, "{\"success\":true,\"data\":{\"items\":[{\"result_score\":1.0,"
                        + "\"item\":{\"id\":77,\"type\":\"person\",\"name\":\"Dana Lee\"}}]},\"additional_data\":"
                        + "{\"pagination\":{\"start\":100,\"limit\":100,\"more_items_in_collection\":false}}}");
            }
            return Response.json(200, "{\"success\":true,\"data\":{\"items\":[]},\"additional_data\":"
                    + "{\"pagination\":{\"start\":0,\"limit\":100,\"more_items_in_collection\":false}}}");
        }));
        pd.on("GET", "/v1/notes", r -> guarded(r, () -> list(notes, "content")));
        pd.on("GET", "/v1/persons/77/activities", r -> guarded(r, () -> list(activities, "note")));
        pd.on("POST", "/v1/notes", r -> guarded(r, () -> store(notes, r, 500)));
        pd.on("POST", "/v1/activities", r -> guarded(r, () -> store(activities, r, 600)));
    }

    private Response guarded(StubServer.Request r, java.util.function.Supplier<Response> ok) {
        if (!TOKEN.equals(r.header("x-api-token")) || r.query().containsKey("api_token")) {
            return Response.json(401, "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401}");
        }
        if (rateLimitNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Response(429, Map.of("Content-Type", "application/json", "Retry-After", "2"),
                    "{\"success\":false,\"error\":\"Too Many Requests\"}");
        }
        return ok.get();
    }

    private Response list(List<JsonNode> items, String field) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            data.append(i == 0 ? "" : ",").append("{\"id\":").append(items.get(i).path("id").asInt())
                    .append(",\"").append(field).append("\":").append(items.get(i).path(field).toString()).append('}');
        }
        return Response.json(200, "{\"success\":true,\"data\":[" + data + "],\"additional_data\":{\"pagination\":"
                + "{\"start\":0,\"limit\":100,\"more_items_in_collection\":false}}}");
    }

    private Response store(List<JsonNode> items, StubServer.Request r, int base) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.json(r.body());
        int id = base + items.size() + 1;
        node.put("id", id);
        items.add(node);
        if (loseNextAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.json(503, "{\"success\":false,\"error\":\"Service unavailable\"}");
        }
        return Response.json(201, "{\"success\":true,\"data\":{\"id\":" + id + "}}");
    }

    @AfterEach
    void stop() {
        pd.close();
    }

    private PipedriveExporter exporter() {
        return new PipedriveExporter(new PipedriveConfig(pd.baseUri(), Secret.of(TOKEN)), Fixtures.http(),
                new InMemoryDeliveryLedger());
    }

    @Test
    void pagesThroughPersonSearchThenAddsNoteAndTaskActivities() {
        DeliveryResult result = exporter().deliver(Fixtures.call(), "call-42/pipedrive");

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.Delivered.class,
                d -> assertThat(d.detail()).contains("person 77"));
        assertThat(pd.requests("GET", "/v1/persons/search")).extracting(r -> r.query().get("term") + "@"
                + r.query().get("start")).containsExactly("dana@example.com@0", "+15552124478@0", "+15552124478@100");
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.path("person_id").asLong()).isEqualTo(77);
            assertThat(n.path("content").asText()).contains("renewal price");
        });
        assertThat(activities).hasSize(2);
        assertThat(activities.get(0).path("subject").asText()).isEqualTo("Send two year proposal");
        assertThat(activities.get(0).path("type").asText()).isEqualTo("task");
        assertThat(activities.get(0).path("due_date").asText()).isEqualTo("2025-03-14");
        assertThat(activities.get(0).path("person_id").asLong()).isEqualTo(77);
        assertThat(pd.requests()).allSatisfy(r -> assertThat(r.query()).doesNotContainKey("api_token"));
    }

    @Test
    void lostAnswerIsFoundByMarkerOnRetry() {
        loseNextAnswer.set(1);
        assertThat(exporter().deliver(Fixtures.call(), "k")).isInstanceOf(DeliveryResult.Retryable.class);

        assertThat(exporter().deliver(Fixtures.call(), "k")).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(notes).hasSize(1);
        assertThat(activities).hasSize(2);
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        rateLimitNext.set(1);

        assertThat(exporter().deliver(Fixtures.call(), "k")).isInstanceOfSatisfying(DeliveryResult.Retryable.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(2)));
    }
}
