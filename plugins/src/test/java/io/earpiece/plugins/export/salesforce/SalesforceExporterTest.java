package io.earpiece.plugins.export.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.InMemoryDeliveryLedger;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import io.earpiece.plugins.export.stub.StubServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceExporterTest {
    private static final String API = "/services/data/v62.0";
    private StubServer sf;
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile String validToken = "";
    private final AtomicInteger expireNext = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sf = new StubServer();
        sf.on("POST", "/services/oauth2/token", r -> {
            if (!"application/x-www-form-urlencoded".equals(r.header("Content-Type"))
                    || !r.body().equals("grant_type=refresh_token&client_id=3MVG9client&client_secret=s3cr%2Bt"
                    + "&refresh_token=5Aep861refresh")) {
                return Response.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
            }
            validToken = "00Dtoken" + tokens.incrementAndGet();
            return Response.json(200, "{\"access_token\":\"" + validToken + "\",\"instance_url\":\""
                    + sf.baseUri() + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1741790000000\"}");
        });
        sf.on("GET", API + "/query", r -> authed(r, () -> {
            String q = r.query().get("q");
            if (q.startsWith("SELECT Id FROM Contact WHERE Email = 'dana@example.com' OR Phone = '+15552124478'")) {
                return Response.json(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":"
                        + "{\"type\":\"Contact\"},\"Id\":\"003AAA\"}]}");
            }
            return Response.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        }));
        sf.on("POST", API + "/sobjects/ContentNote", r -> authed(r, () -> created("069NOTE")));
        sf.on("POST", API + "/sobjects/ContentDocumentLink", r -> authed(r, () -> created("06ALINK")));
        AtomicInteger taskIds = new AtomicInteger();
        sf.on("POST", API + "/sobjects/Task", r -> authed(r, () -> created("00TTASK" + taskIds.incrementAndGet())));
    }

    private Response authed(StubServer.Request r, java.util.function.Supplier<Response> ok) {
        if (expireNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            validToken = "revoked";
        }
        if (!("Bearer " + validToken).equals(r.header("Authorization"))) {
            return Response.json(401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        }
        return ok.get();
    }

    private static Response created(String id) {
        return Response.json(201, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}");
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    private SalesforceExporter exporter(String clientSecret) {
        return new SalesforceExporter(new SalesforceConfig(sf.baseUri(), "3MVG9client", Secret.of(clientSecret),
                Secret.of("5Aep861refresh"), "v62.0"), Fixtures.http(), new InMemoryDeliveryLedger());
    }

    @Test
    void refreshesTokenFindsContactCreatesLinkedNoteAndTasks() {
        DeliveryResult result = exporter("s3cr+t").deliver(Fixtures.call(), "call-42/salesforce");

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(tokens).hasValue(1);
        List<StubServer.Request> notes = sf.requests("POST", API + "/sobjects/ContentNote");
        assertThat(notes).hasSize(1);
        JsonNode note = Fixtures.json(notes.get(0).body());
        assertThat(note.path("Title").asText()).matches("Call summary 2025-03-12 \\(ref ep[0-9a-f]{16}\\)");
        assertThat(new String(Base64.getDecoder().decode(note.path("Content").asText()), StandardCharsets.UTF_8))
                .startsWith("<p>Customer pushed back on the renewal price");
        assertThat(sf.requests("POST", API + "/sobjects/ContentDocumentLink").get(0).body())
                .isEqualTo("{\"ContentDocumentId\":\"069NOTE\",\"LinkedEntityId\":\"003AAA\",\"ShareType\":\"V\"}");
        List<StubServer.Request> tasks = sf.requests("POST", API + "/sobjects/Task");
        assertThat(tasks).hasSize(2);
        JsonNode task = Fixtures.json(tasks.get(0).body());
        assertThat(task.path("Subject").asText()).startsWith("Send two year proposal (ref ep");
        assertThat(task.path("ActivityDate").asText()).isEqualTo("2025-03-14");
        assertThat(task.path("WhoId").asText()).isEqualTo("003AAA");
        assertThat(task.path("Status").asText()).isEqualTo("Not Started");
        assertThat(sf.requests("GET", API + "/query")).extracting(r -> r.query().get("q"))
                .anyMatch(q -> q.startsWith("SELECT Id FROM Task WHERE Subject = 'Send two year proposal (ref ep"));
    }

    @Test
    void expiredSessionRefreshesOnceAndRetries() {
        SalesforceExporter exporter = exporter("s3cr+t");
        exporter.deliver(Fixtures.call(), "first");
        expireNext.set(1);

        DeliveryResult result = exporter.deliver(Fixtures.call(), "second");

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(tokens).hasValue(2);
    }

    @Test
    void rejectedRefreshTokenIsPermanent() {
        DeliveryResult result = exporter("wrong").deliver(Fixtures.call(), "k");

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                p -> assertThat(p.reason()).contains("invalid_grant"));
    }

    @Test
    void unknownCustomerIsPermanentAndSoqlLiteralsAreEscaped() {
        assertThat(Soql.literal("o'brien\\x")).isEqualTo("'o\\'brien\\\\x'");
        var unknown = new io.earpiece.plugins.export.CallExport("c", Fixtures.CALL_START, "rep", null, null,
                "o'brien@example.com", "sales", "s", List.of(), List.of());

        assertThat(exporter("s3cr+t").deliver(unknown, "k")).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(sf.requests("GET", API + "/query")).extracting(r -> r.query().get("q"))
                .contains("SELECT Id FROM Contact WHERE Email = 'o\\'brien@example.com' ORDER BY LastModifiedDate"
                        + " DESC LIMIT 1");
    }
}
