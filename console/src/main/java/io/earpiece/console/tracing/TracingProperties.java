package io.earpiece.console.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * OpenTelemetry traces of calls ({@code earpiece.tracing.*}); off by default, and then no span is made at all.
 *
 * @param enabled     whether calls are traced
 * @param exporter    {@code otlp} (OTLP over HTTP/protobuf to {@code endpoint}) or {@code none} (spans are made, for
 *                    the trace context carried to other nodes, but not exported)
 * @param endpoint    the OTLP/HTTP traces endpoint of a collector (Jaeger, Tempo, the OpenTelemetry Collector)
 * @param serviceName {@code service.name} of this node's spans
 * @param sampleRatio share of calls traced, 0 to 1 (a call's spans on every node follow its first decision)
 * @param timeout     longest one export to the collector may take
 */
@ConfigurationProperties("earpiece.tracing")
public record TracingProperties(@DefaultValue("false") boolean enabled, @DefaultValue("otlp") String exporter,
                                @DefaultValue("http://localhost:4318/v1/traces") String endpoint,
                                @DefaultValue("earpiece") String serviceName,
                                @DefaultValue("1.0") double sampleRatio,
                                @DefaultValue("10s") Duration timeout) {

    public TracingProperties {
        if (!exporter.equals("otlp") && !exporter.equals("none")) {
            throw new IllegalArgumentException("earpiece.tracing.exporter must be otlp or none, not " + exporter);
        }
        if (sampleRatio < 0 || sampleRatio > 1) {
            throw new IllegalArgumentException("earpiece.tracing.sample-ratio must be between 0 and 1");
        }
    }
}
