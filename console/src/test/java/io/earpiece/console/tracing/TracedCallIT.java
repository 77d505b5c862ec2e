package io.earpiece.console.tracing;

import io.earpiece.console.api.CallViews;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.StampedEvents;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real two-party call (sipp) through the whole server with tracing on, its spans caught by the SDK's in-memory
 * exporter: one trace with the first INVITE at its root, the call under it, the other leg's INVITE, every stored
 * final as a segment span under the call and every stored card under its segment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=43600", "earpiece.rtp.port-max=43699",
        "earpiece.data-dir=target/it-data/traced-call", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:tracedcall;DB_CLOSE_DELAY=-1",
        "earpiece.tracing.enabled=true", "earpiece.tracing.exporter=none"})
@Import({ReplayRecognizerConfig.class, TracedCallIT.Spans.class})
class TracedCallIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    InMemorySpanExporter exported;
    @LocalServerPort
    int httpPort;

    @Test
    void aCallIsOneTraceFromItsInvitesToItsSegmentsAndCards() throws Exception {
        SynthCall call = SynthCall.generate("chorus-comparison");
        recognizer.use(call.reference());
        String conv = "traced-" + UUID.randomUUID();
        var http = TestAuth.as(httpPort, TestAuth.adminToken(httpPort));
        try (StampedEvents browser = StampedEvents.connect(httpPort, TestAuth.adminToken(httpPort))) {
            try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 1)) {
                legs.awaitSuccess(Duration.ofSeconds((long) call.reference().duration_s() + 60));
            }
            checkTrace(conv, http, browser);
        }
    }

    private void checkTrace(String conv, org.springframework.test.web.reactive.server.WebTestClient http,
                            StampedEvents browser) {
        CallViews.CallSummary ended = await().atMost(Duration.ofSeconds(60)).until(
                () -> http.get().uri("/api/calls?size=100").exchange().expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<List<CallViews.CallSummary>>() { })
                        .returnResult().getResponseBody().stream()
                        .filter(c -> c.conversationId().startsWith(conv)).findFirst().orElse(null),
                c -> c != null && c.status().equals("ENDED"));
        CallViews.CallDetail detail = http.get().uri("/api/calls/" + ended.id()).exchange().expectStatus().isOk()
                .expectBody(CallViews.CallDetail.class).returnResult().getResponseBody();

        // the call span ends with the call; the batch processor hands it over shortly after
        List<SpanData> spans = await().atMost(Duration.ofSeconds(10)).until(() -> ofCall(ended.id()),
                l -> l.stream().anyMatch(s -> s.getName().equals("call")));
        assertThat(spans).extracting(SpanData::getTraceId).as("one trace").containsOnly(spans.get(0).getTraceId());
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        SpanData root = spans.stream().filter(s -> !byId.containsKey(s.getParentSpanId())).collect(
                Collectors.collectingAndThen(Collectors.toList(), l -> {
                    assertThat(l).as("one root").hasSize(1);
                    return l.get(0);
                }));
        assertThat(root.getName()).isEqualTo("sip.invite");
        SpanData callSpan = only(spans, "call");
        assertThat(callSpan.getParentSpanId()).isEqualTo(root.getSpanId());
        assertThat(named(spans, "sip.invite")).as("one INVITE per leg").hasSize(2);
        assertThat(named(spans, "segment")).as("a span per stored final")
                .hasSize(detail.segments().size()).allSatisfy(s ->
                        assertThat(s.getParentSpanId()).isEqualTo(callSpan.getSpanId()));
        List<SpanData> cards = named(spans, "card");
        assertThat(cards).as("a span per stored card").hasSize(detail.cards().size()).allSatisfy(c ->
                assertThat(byId.get(c.getParentSpanId()).getName()).isEqualTo("segment"));
        assertThat(named(spans, "media")).as("a media span per leg, with its RTP counters").hasSize(2)
                .allSatisfy(m -> {
                    assertThat(m.getParentSpanId()).isEqualTo(callSpan.getSpanId());
                    assertThat(m.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey(
                            "rtp.packets.received"))).isPositive();
                });
        // each final the browser's socket was handed, once, under the call
        List<String> pushedFinals = await().atMost(Duration.ofSeconds(10)).until(() -> browser.all().stream()
                .filter(e -> e.callId().equals(ended.id()) && e.type().equals("segment"))
                .map(e -> e.event().path("party").asText() + "/" + e.event().path("index").asInt()).toList(),
                l -> l.size() >= detail.segments().size());
        List<SpanData> pushes = await().atMost(Duration.ofSeconds(10)).until(() -> named(ofCall(ended.id()), "ws.push"),
                l -> l.size() >= pushedFinals.size());
        assertThat(pushes).as("a ws.push span per final handed to the browser").hasSize(pushedFinals.size())
                .allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(callSpan.getSpanId()));
        assertThat(pushes.stream().map(p -> p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                "earpiece.party")) + "/" + p.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey(
                "earpiece.segment.index")))).containsExactlyInAnyOrderElementsOf(pushedFinals);
        System.out.printf("traced-call: %d spans, %d segments, %d cards, %d media, %d pushes%n", spans.size(),
                detail.segments().size(), cards.size(), named(spans, "media").size(), pushes.size());
    }

    private List<SpanData> ofCall(String callId) {
        return exported.getFinishedSpanItems().stream().filter(s -> callId.equals(
                s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("earpiece.call.id"))))
                .toList();
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).toList();
    }

    private static SpanData only(List<SpanData> spans, String name) {
        List<SpanData> l = named(spans, name);
        assertThat(l).as(name).hasSize(1);
        return l.get(0);
    }
}
