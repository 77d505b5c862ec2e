package io.earpiece.console.metrics;

import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Speech-recognition metrics: decode time and real-time factor, dropped partials, end-of-speech to final. */
@Component
public class RecognitionMetrics implements RecognitionMetricsListener {

    private final MeterRegistry registry;
    private final Counter partialsDropped;
    private final Timer finalLatency;
    private final DistributionSummary realTimeFactor;

    public RecognitionMetrics(MeterRegistry registry) {
        this.registry = registry;
        partialsDropped = Counter.builder("earpiece.stt.partials.dropped")
                .description("partial decodes dropped under load (finals never are)").register(registry);
        finalLatency = Timer.builder("earpiece.stt.final.latency")
                .description("end of speech detected to final segment delivered")
                .publishPercentiles(0.5, 0.95).register(registry);
        realTimeFactor = DistributionSummary.builder("earpiece.stt.realtime.factor")
                .description("decode time divided by audio time").register(registry);
    }

    @Override
    public void onDecode(DecodeSample sample) {
        Timer.builder("earpiece.stt.decode").tag("priority", sample.priority().name().toLowerCase())
                .description("whisper decode time").register(registry)
                .record(Duration.ofNanos((long) (sample.decodeMs() * 1_000_000)));
        // time queued behind other decodes: under load this, not the decode itself, is what delays finals
        Timer.builder("earpiece.stt.queue.wait").tag("priority", sample.priority().name().toLowerCase())
                .description("time a decode waited for a worker").register(registry)
                .record(Duration.ofNanos((long) (sample.queuedMs() * 1_000_000)));
        realTimeFactor.record(sample.realTimeFactor());
    }

    @Override
    public void onPartialDropped(String callId) {
        partialsDropped.increment();
    }

    @Override
    public void onFinalDelivered(String callId, String party, int index, long latencyNanos) {
        finalLatency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
