package io.earpiece.console.call;

import io.earpiece.console.config.EarpieceProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which new calls are transcribed live. The decode workers can keep only so many calls' finals within their
 * latency; a call beyond {@code earpiece.live.capacity} is still answered and recorded, but transcribed after its
 * hang-up instead, so the calls already admitted are not slowed. Health reads {@code DEGRADED} while any call is
 * deferred (in progress or waiting for its after-call transcript).
 */
@Component("liveTranscription")
public class LiveAdmission implements HealthIndicator {

    /** Health status while calls are deferred: served (HTTP 200), but not at full service. */
    public static final Status DEGRADED = new Status("DEGRADED", "calls beyond live capacity are transcribed after hang-up");

    private final int capacity;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger deferred = new AtomicInteger();

    public LiveAdmission(EarpieceProperties properties, MeterRegistry registry) {
        this.capacity = properties.liveCapacity();
        Gauge.builder("earpiece.live.capacity", () -> capacity)
                .description("calls transcribed live at once").register(registry);
        Gauge.builder("earpiece.live.calls", live, AtomicInteger::get)
                .description("calls being transcribed live").register(registry);
        Gauge.builder("earpiece.calls.deferred", deferred, AtomicInteger::get)
                .description("calls beyond live capacity, in progress or waiting for their after-call transcript")
                .register(registry);
    }

    /** Takes a live place for a new call; false (and the call counts as deferred) when none is free. */
    public boolean tryAdmit() {
        while (true) {
            int now = live.get();
            if (now >= capacity) {
                deferred.incrementAndGet();
                return false;
            }
            if (live.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** A live call ended: its place is free. */
    public void released() {
        live.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** A deferred call is counted (after a restart, for one still waiting for its transcript). */
    public void deferredPending() {
        deferred.incrementAndGet();
    }

    /** A deferred call has its after-call transcript (or gave up on it). */
    public void deferredDone() {
        deferred.updateAndGet(n -> Math.max(0, n - 1));
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public Health health() {
        int waiting = deferred.get();
        Health.Builder h = waiting > 0 ? Health.status(DEGRADED) : Health.up();
        return h.withDetail("capacity", capacity).withDetail("live", live.get()).withDetail("deferred", waiting).build();
    }
}
