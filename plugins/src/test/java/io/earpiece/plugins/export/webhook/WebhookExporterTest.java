package io.earpiece.plugins.export.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import io.earpiece.plugins.export.stub.StubServer.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookExporterTest {
    private static final String SECRET = "whsec_test";
    private static final Instant NOW = Instant.parse("2025-03-12T15:00:00Z");

    @Test
    void deliveryIsSignedOverTimestampAndBodyWithIdempotencyKey() throws Exception {
        try (StubServer hook = new StubServer()) {
            hook.on("POST", "/hooks/earpiece", r -> WebhookSignature.verify(SECRET,
                    r.header("X-Earpiece-Timestamp"), r.body(), r.header("X-Earpiece-Signature"), NOW,
                    Duration.ofMinutes(5)) ? Response.json(204, "") : Response.json(401, "{\"error\":\"bad sig\"}"));
            WebhookExporter exporter = new WebhookExporter("webhook:crm", new WebhookConfig(
                    URI.create(hook.baseUri() + "/hooks/earpiece"), Secret.of(SECRET)), Fixtures.http());

            assertThat(exporter.deliver(Fixtures.call(), "call-42/webhook:crm")).isInstanceOf(DeliveryResult.Delivered.class);

            StubServer.Request r = hook.requests().get(0);
            assertThat(r.header("Idempotency-Key")).isEqualTo("call-42/webhook:crm");
            assertThat(r.header("X-Earpiece-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(r.header("X-Earpiece-Signature")).matches("v1=[0-9a-f]{64}");
            var body = Fixtures.json(r.body());
            assertThat(body.path("event").asText()).isEqualTo("call.summary");
            assertThat(body.path("id").asText()).isEqualTo("call-42/webhook:crm");
            assertThat(body.path("action_items").get(1).path("due_date").asText()).isEqualTo("2025-03-17");
            assertThat(body.path("objections").get(0).path("kind").asText()).isEqualTo("price");
            assertThat(body.path("parties").get(1).path("name").asText()).isEqualTo("Dana Lee");
            assertThat(body.path("parties").get(1).path("source").asText()).isEqualTo("call");
            assertThat(body.path("parties").get(0).path("party").asText()).isEqualTo("rep");

            WebhookExporter wrongSecret = new WebhookExporter("w", new WebhookConfig(
                    URI.create(hook.baseUri() + "/hooks/earpiece"), Secret.of("other")), Fixtures.http());
            assertThat(wrongSecret.deliver(Fixtures.call(), "x")).isInstanceOf(DeliveryResult.PermanentFailure.class);
        }
    }

    @Test
    void verifyRejectsReplaysTamperingAndWrongSecrets() {
        long ts = NOW.getEpochSecond();
        String body = "{\"a\":1}";
        String sig = WebhookSignature.sign(SECRET, ts, body);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), body, sig, NOW, Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), body, "v1=00," + sig, NOW,
                Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), body, sig, NOW.plusSeconds(301),
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), body, sig, NOW.minusSeconds(301),
                Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts + 1), body, sig, NOW, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), "{\"a\":2}", sig, NOW, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify("other", Long.toString(ts), body, sig, NOW, Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "soon", body, sig, NOW, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void signatureMatchesAnIndependentHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("key".getBytes(), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("1700000000.hello".getBytes()));

        assertThat(WebhookSignature.sign("key", 1700000000L, "hello")).isEqualTo("v1=" + expected);
    }
}
