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
 * lasts until the last leg ends; the other legs' INVITEs, each leg's {@code media} (from the leg's start until its
 * media is closed, with its RTP counters), each final {@code segment} (stored and announced), the {@code card}s
 * raised on it, and each hand-over of a final to a browser's WebSocket ({@code ws.push}) sit under the call. The call's trace context travels on its Kafka records (W3C
 * {@code traceparent} header), so that another node's delivery of the call's events ({@code cluster.deliver}) joins
 * the same trace. With tracing off the spans are no-ops and cost next to nothing.
 */
@Component
public class CallTracing {

    private static final String SCOPE = "io.earpiece.console";
    private static final int RECENTLY_ENDED = 256;

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** The open call spans by call id. */
    private final Map<String, Span> calls = new ConcurrentHashMap<>();
    /** The open media spans by leg id. */
    private final Map<String, Span> media = new ConcurrentHashMap<>();
    /**
     * The span contexts of the calls that ended last: a browser may be handed a call's last finals just after the
     * call's span ended (the push runs on its own thread), and those pushes still belong in the call's trace.
     */
    private final Map<String, io.opentelemetry.api.trace.SpanContext> ended = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, io.opentelemetry.api.trace.SpanContext> e) {
                    return size() > RECENTLY_ENDED;
                }
            });

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
            ended.put(callId, span.getSpanContext());
            span.setAttribute("earpiece.end.reason", reason == null ? "" : reason);
            span.end();
        }
    }

    /** A leg's media starts (RTP endpoint open, transcription running); it ends with {@link #mediaEnded}. */
    public void mediaStarted(String callId, String legId, String party) {
        media.put(legId, tracer.spanBuilder("media").setParent(callContext(callId))
                .setAttribute("earpiece.call.id", callId).setAttribute("earpiece.party", party).startSpan());
    }

    /** The leg's media was closed (recording finished, last audio transcribed); its counters go on the span. */
    public void mediaEnded(String legId, io.earpiece.media.RtpStats stats) {
        Span span = media.remove(legId);
        if (span != null) {
            span.setAttribute("rtp.packets.received", stats.packetsReceived())
                    .setAttribute("rtp.packets.lost", stats.packetsLost())
                    .setAttribute("rtp.packets.dropped", stats.packetsDropped())
                    .setAttribute("rtp.jitter.ms", stats.jitterMs());
            span.end();
        }
    }

    /**
     * A final of a call traced on this node being handed to one browser's WebSocket; end the returned span when it
     * was. A call traced on another node gets none here (its {@code cluster.deliver} span stands for the hop).
     */
    public Span push(String callId, String party, int index) {
        Span call = calls.get(callId);
        io.opentelemetry.api.trace.SpanContext context = call != null ? call.getSpanContext() : ended.get(callId);
        if (context == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("ws.push").setSpanKind(SpanKind.PRODUCER)
                .setParent(Context.root().with(Span.wrap(context)))
                .setAttribute("earpiece.call.id", callId).setAttribute("earpiece.party", party)
                .setAttribute("earpiece.segment.index", index).startSpan();
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
