package io.earpiece.console.tracing;

import io.earpiece.console.cluster.NodeIdentity;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This node's OpenTelemetry: a no-op unless {@code earpiece.tracing.enabled}, else the SDK with W3C trace context and
 * a batch exporter to the configured OTLP endpoint (and to any {@link SpanExporter} bean). Its own instance, never the global one, so that two nodes in one
 * JVM (the tests) keep theirs apart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
public class TracingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TracingConfiguration.class);

    /** The SDK's close() (found by Spring when the context stops) flushes what is batched; the no-op has none. */
    @Bean
    OpenTelemetry openTelemetry(TracingProperties properties, NodeIdentity node,
                                org.springframework.beans.factory.ObjectProvider<SpanExporter> moreExporters) {
        if (!properties.enabled()) {
            return OpenTelemetry.noop();
        }
        io.opentelemetry.sdk.trace.SdkTracerProviderBuilder tracers = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), properties.serviceName(),
                        AttributeKey.stringKey("service.instance.id"), node.id()))))
                // a call's later spans, here or on another node, follow the decision made at its INVITE
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(properties.sampleRatio())));
        if (properties.exporter().equals("otlp")) {
            tracers.addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                    .setEndpoint(properties.endpoint()).setTimeout(properties.timeout()).build()).build());
        }
        // exporters the application context adds (a test's in-memory one)
        moreExporters.orderedStream().forEach(e -> tracers.addSpanProcessor(BatchSpanProcessor.builder(e)
                .setScheduleDelay(java.time.Duration.ofMillis(200)).build()));
        log.info("tracing calls: exporter {}{}, sample ratio {}", properties.exporter(),
                properties.exporter().equals("otlp") ? " to " + properties.endpoint() : "", properties.sampleRatio());
        return OpenTelemetrySdk.builder().setTracerProvider(tracers.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }
}
