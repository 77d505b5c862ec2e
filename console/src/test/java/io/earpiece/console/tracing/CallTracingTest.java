package io.earpiece.console.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call's spans, recorded by the SDK's in-memory exporter: INVITE → call → segment → card on the node that
 * answered, and the trace context carried on a Kafka record's headers so that another node's delivery joins the same
 * trace. With tracing off nothing is recorded and no header is written.
 */
class CallTracingTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private static final io.opentelemetry.api.common.AttributeKey<String> INSTANCE =
            io.opentelemetry.api.common.AttributeKey.stringKey("service.instance.id");
    private final OpenTelemetrySdk nodeA = sdk("a");
    private final OpenTelemetrySdk nodeB = sdk("b");

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aCallIsOneTraceFromItsInviteToTheCardsAndAcrossNodes() {
        CallTracing a = new CallTracing(nodeA);
        CallTracing b = new CallTracing(nodeB);
        a.invite("c1", "conv-1", "rep", true).end();
        a.invite("c1", "conv-1", "customer", false).end();
        Span segment = a.segment("c1", "customer", 0);
        a.card(segment, "c1", "price-objection");
        segment.end();
        RecordHeaders headers = new RecordHeaders();
        a.inject("c1", headers);
        assertThat(headers.lastHeader("traceparent")).as("W3C trace context on the record").isNotNull();
        b.delivered(headers, "c1", "segment").end();
        a.callEnded("c1", "REMOTE_BYE");

        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).extracting(SpanData::getTraceId).as("one trace").containsOnly(spans.get(0).getTraceId());
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        Map<String, String> parentOf = spans.stream().collect(Collectors.toMap(s -> label(s),
                s -> byId.containsKey(s.getParentSpanId()) ? label(byId.get(s.getParentSpanId())) : "-"));
        assertThat(parentOf).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sip.invite/rep", "-",
                "call", "sip.invite/rep",
                "sip.invite/customer", "call",
                "segment", "call",
                "card", "segment",
                "cluster.deliver", "call"));
        SpanData call = spans.stream().filter(s -> s.getName().equals("call")).findFirst().orElseThrow();
        assertThat(call.getAttributes().asMap().values()).contains("conv-1", "REMOTE_BYE");
        SpanData delivered = spans.stream().filter(s -> s.getName().equals("cluster.deliver")).findFirst().orElseThrow();
        assertThat(delivered.getResource().getAttribute(INSTANCE)).as("recorded on the other node").isEqualTo("b");
        assertThat(call.getResource().getAttribute(INSTANCE)).isEqualTo("a");
    }

    @Test
    void anUntracedCallWritesNoHeaderAndADeliveryWithoutOneStartsItsOwnTrace() {
        CallTracing off = new CallTracing(io.opentelemetry.api.OpenTelemetry.noop());
        off.invite("c2", "conv-2", "rep", true).end();
        RecordHeaders headers = new RecordHeaders();
        off.inject("c2", headers);
        assertThat(headers.toArray()).isEmpty();
        off.callEnded("c2", "REMOTE_BYE");

        CallTracing b = new CallTracing(nodeB);
        headers.add("traceparent", "not-a-trace-context".getBytes(StandardCharsets.UTF_8));
        b.delivered(headers, "c2", "segment").end();
        assertThat(exported.getFinishedSpanItems()).singleElement()
                .satisfies(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());
    }

    private static String label(SpanData s) {
        Object party = s.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("earpiece.party")).map(Map.Entry::getValue).findFirst()
                .orElse(null);
        return s.getName().equals("sip.invite") ? s.getName() + "/" + party : s.getName();
    }

    private OpenTelemetrySdk sdk(String node) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setResource(io.opentelemetry.sdk.resources.Resource.create(
                                io.opentelemetry.api.common.Attributes.of(INSTANCE, node)))
                        .addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }
}
