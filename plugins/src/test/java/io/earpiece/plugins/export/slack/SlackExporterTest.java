package io.earpiece.plugins.export.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.InMemoryDeliveryLedger;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import io.earpiece.plugins.export.stub.StubServer;
import io.earpiece.plugins.export.stub.StubServer.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackExporterTest {
    private static final String HOOK = "/services/T000/B000/XXXXXXXX";
    private StubServer slack;
    private final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        slack = new StubServer();
        slack.on("POST", HOOK, r -> {
            if (!"application/json".equals(r.header("Content-Type"))) {
                return new Response(400, Map.of(), "invalid_payload");
            }
            int status = answer.get();
            return switch (status) {
                case 200 -> new Response(200, Map.of("Content-Type", "text/html"), "ok");
                case 429 -> new Response(429, Map.of("Retry-After", "30"), "rate_limited");
                default -> new Response(status, Map.of(), "invalid_blocks");
            };
        });
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private SlackExporter exporter(InMemoryDeliveryLedger ledger) {
        return new SlackExporter(new SlackConfig(Secret.of(slack.baseUri() + HOOK)), Fixtures.http(), ledger);
    }

    @Test
    void postsBlockKitWithFallbackTextOnceOnly() {
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();

        assertThat(exporter(ledger).deliver(Fixtures.call(), "call-42/slack")).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(exporter(ledger).deliver(Fixtures.call(), "call-42/slack")).isInstanceOf(DeliveryResult.Delivered.class);

        assertThat(slack.requests("POST", HOOK)).hasSize(1);
        JsonNode m = Fixtures.json(slack.requests("POST", HOOK).get(0).body());
        assertThat(m.path("text").asText()).isEqualTo("Call summary: Dana Lee (sales, 2 action items)");
        JsonNode blocks = m.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(1).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(2).path("text").path("text").asText()).contains("• Send two year proposal — due 2025-03-14");
        assertThat(blocks.get(3).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(3).path("elements").get(0).path("text").asText()).contains("Rep: Sam Rivera").contains("ref ep");
    }

    @Test
    void badPayloadIsPermanentAndRateLimitRetryable() {
        answer.set(400);
        assertThat(exporter(new InMemoryDeliveryLedger()).deliver(Fixtures.call(), "a"))
                .isInstanceOfSatisfying(DeliveryResult.PermanentFailure.class,
                        p -> assertThat(p.reason()).contains("invalid_blocks"));
        answer.set(429);
        assertThat(exporter(new InMemoryDeliveryLedger()).deliver(Fixtures.call(), "b"))
                .isInstanceOfSatisfying(DeliveryResult.Retryable.class,
                        r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void mrkdwnControlCharactersAreEscapedAndWebhookUrlHidden() {
        var call = new io.earpiece.plugins.export.CallExport("c", Fixtures.CALL_START, "<!channel>", null, null, null,
                "support", "a < b & c", java.util.List.of(), java.util.List.of());
        String json = SlackExporter.message(call, "ep0").toString();

        assertThat(json).contains("a &lt; b &amp; c").contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(new SlackConfig(Secret.of("https://hooks.slack.com/services/T/B/secret")).toString())
                .doesNotContain("hooks.slack.com");
    }
}
