package io.earpiece.console.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * The spans of a call: its first INVITE ({@code sip.invite}, the trace's root) and under it the {@code call}, which
 * lasts until the last leg ends; the other legs' INVITEs, each final {@code segment} (stored and announced) and the
 * {@code card}s raised on it sit under the call. The call's trace context travels on its Kafka records (W3C
 * {@code traceparent} header), so that another node's delivery of the call's events ({@code cluster.deliver}) joins
 * the same trace. With tracing off the spans are no-ops and cost next to nothing.
 */
@Component
public class CallTracing {

    private static final String SCOPE = "io.earpiece.console";

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** The open call spans by call id. */
    private final Map<String, Span> calls = new ConcurrentHashMap<>();

    public CallTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * A leg's INVITE being answered; end the returned span when it is. The first leg's starts the trace and opens the
     * call's span under it; a later leg's sits under the call.
     */
    public Span invite(String callId, String conversationId, String party, boolean firstLeg) {
        if (firstLeg) {
            Span invite = tracer.spanBuilder("sip.invite").setSpanKind(SpanKind.SERVER).setNoParent()
                    .setAttribute("earpiece.call.id", callId).setAttribute("earpiece.party", party).startSpan();
            calls.put(callId, tracer.spanBuilder("call").setParent(Context.root().with(invite))
                    .setAttribute("earpiece.call.id", callId)
                    .setAttribute("earpiece.conversation.id", conversationId).startSpan());
            return invite;
        }
        return tracer.spanBuilder("sip.invite").setSpanKind(SpanKind.SERVER).setParent(callContext(callId))
                .setAttribute("earpiece.call.id", callId).setAttribute("earpiece.party", party).startSpan();
    }

    /** The call ended (or never got going): its span ends. */
    public void callEnded(String callId, String reason) {
        Span span = calls.remove(callId);
        if (span != null) {
            span.setAttribute("earpiece.end.reason", reason == null ? "" : reason);
            span.end();
        }
    }

    /** A final segment being stored and announced; end the returned span when it was. */
    public Span segment(String callId, String party, int index) {
        return tracer.spanBuilder("segment").setParent(callContext(callId)).setAttribute("earpiece.call.id", callId)
                .setAttribute("earpiece.party", party).setAttribute("earpiece.segment.index", index).startSpan();
    }

    /** A card announced on the segment of {@code segment}'s span. */
    public void card(Span segment, String callId, String cardKey) {
        tracer.spanBuilder("card").setParent(Context.root().with(segment)).setAttribute("earpiece.call.id", callId)
                .setAttribute("earpiece.card.key", cardKey).startSpan().end();
    }

    /** Writes the call's trace context (its call span) into a Kafka record's headers, if the call is traced here. */
    public void inject(String callId, Headers headers) {
        Span span = calls.get(callId);
        if (span != null) {
            propagator.inject(Context.root().with(span), headers, KAFKA_SETTER);
        }
    }

    /** Another node's event of a call arriving here: a span under the trace context its record carried. */
    public Span delivered(Headers headers, String callId, String type) {
        Context parent = propagator.extract(Context.root(), headers, KAFKA_GETTER);
        return tracer.spanBuilder("cluster.deliver").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("earpiece.call.id", callId).setAttribute("earpiece.event.type", type).startSpan();
    }

    private Context callContext(String callId) {
        Span span = calls.get(callId);
        return span == null ? Context.root() : Context.root().with(span);
    }

    private static final TextMapSetter<Headers> KAFKA_SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header h = headers == null ? null : headers.lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };
}
