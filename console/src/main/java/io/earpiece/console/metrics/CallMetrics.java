package io.earpiece.console.metrics;

import io.earpiece.media.RtpStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Call, leg and segment counters exported through Micrometer (and so {@code /actuator/prometheus}). */
@Component
public class CallMetrics {

    private final Counter callsStarted;
    private final Counter callsEnded;
    private final Counter segments;
    private final Counter legPacketsLost;
    private final Counter legPacketsReceived;
    private final AtomicInteger active = new AtomicInteger();

    public CallMetrics(MeterRegistry registry) {
        callsStarted = Counter.builder("earpiece.calls.started").description("Calls started").register(registry);
        callsEnded = Counter.builder("earpiece.calls.ended").description("Calls ended").register(registry);
        segments = Counter.builder("earpiece.segments").description("Final transcript segments stored").register(registry);
        legPacketsLost = Counter.builder("earpiece.rtp.legs.packets.lost")
                .description("RTP packets lost on ended legs (expected minus received)").register(registry);
        legPacketsReceived = Counter.builder("earpiece.rtp.legs.packets.received")
                .description("RTP packets received on ended legs").register(registry);
        registry.gauge("earpiece.calls.active", active);
    }

    public void callStarted() {
        callsStarted.increment();
        active.incrementAndGet();
    }

    public void callEnded() {
        callsEnded.increment();
        active.decrementAndGet();
    }

    public void segment() {
        segments.increment();
    }

    public void legEnded(RtpStats stats) {
        legPacketsLost.increment(stats.packetsLost());
        legPacketsReceived.increment(stats.packetsReceived());
    }
}
