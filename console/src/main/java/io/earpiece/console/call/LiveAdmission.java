package io.earpiece.console.call;

import io.earpiece.console.config.EarpieceProperties;
import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which new calls are transcribed live. The decode workers can keep only so many calls' finals within their
 * latency, and how many depends on the machine and what else runs on it, so the {@link LiveCapacityController}
 * decides from the measured decode load ({@code earpiece.live.capacity} is only an upper bound). A call beyond the
 * capacity is still answered and recorded, but transcribed after its hang-up instead, so the calls already admitted
 * are not slowed. Health reads {@code DEGRADED} while any call is deferred (in progress or waiting for its
 * after-call transcript), and shows the capacity with why.
 */
@Component("liveTranscription")
public class LiveAdmission implements HealthIndicator, RecognitionMetricsListener {

    private static final Logger log = LoggerFactory.getLogger(LiveAdmission.class);

    /** Health status while calls are deferred: served (HTTP 200), but not at full service. */
    public static final Status DEGRADED = new Status("DEGRADED", "calls beyond live capacity are transcribed after hang-up");

    private final DecodeLoadWindow load;
    private final LiveCapacityController controller;
    private final AtomicInteger deferred = new AtomicInteger();
    private volatile int loggedCapacity = -1;

    public LiveAdmission(EarpieceProperties properties, DecodeLoadWindow load, MeterRegistry registry) {
        EarpieceProperties.Live live = properties.live();
        this.load = load;
        this.controller = new LiveCapacityController(new LiveCapacityController.Settings(properties.liveCeiling(),
                properties.liveInitialCapacity(), properties.whisperContexts(), live.decodeBudget().toNanos(),
                live.busyLimit(), live.targetBusy(), live.raiseHold().toNanos(), live.rampStep(),
                live.trial().toNanos()), load, System::nanoTime);
        Gauge.builder("earpiece.live.capacity", this, LiveAdmission::capacity)
                .description("calls admitted to live transcription at most now, from the measured decode load "
                        + "(why: /actuator/health, liveTranscription)").register(registry);
        Gauge.builder("earpiece.live.calls", controller, c -> c.state().live())
                .description("calls being transcribed live").register(registry);
        Gauge.builder("earpiece.calls.deferred", deferred, AtomicInteger::get)
                .description("calls beyond live capacity, in progress or waiting for their after-call transcript")
                .register(registry);
        Gauge.builder("earpiece.live.decode.busy", controller, c -> c.state().busy())
                .description("decode workers' busy fraction over the admission window").register(registry);
        Gauge.builder("earpiece.live.final.lag.p95", controller, c -> c.state().finalLagP95Ms() / 1000.0)
                .baseUnit("seconds")
                .description("finals' wait plus decode, p95 over the admission window").register(registry);
    }

    /**
     * Every decode the scheduler finishes (on a decode worker): into the load window, and after a final the capacity
     * is re-read, so that the cost per call is learnt while calls run, not only when one arrives.
     */
    @Override
    public void onDecode(DecodeSample sample) {
        load.onDecode(sample);
        if (sample.priority() == Priority.FINAL) {
            controller.state();
        }
    }

    /** Takes a live place for the new call {@code callId}; false (and it counts as deferred) when none is free. */
    public boolean tryAdmit(String callId) {
        boolean admitted = controller.tryAdmit(callId);
        if (!admitted) {
            deferred.incrementAndGet();
        }
        logChange();
        return admitted;
    }

    /** The live call {@code callId} ended: its place is free. */
    public void released(String callId) {
        controller.released(callId);
    }

    /** A deferred call is counted (after a restart, for one still waiting for its transcript). */
    public void deferredPending() {
        deferred.incrementAndGet();
    }

    /** A deferred call has its after-call transcript (or gave up on it). */
    public void deferredDone() {
        deferred.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** Calls admitted live at most now. */
    public int capacity() {
        return controller.state().capacity();
    }

    /** The capacity in force and why. */
    public LiveCapacityController.State state() {
        return controller.state();
    }

    private void logChange() {
        LiveCapacityController.State s = controller.state();
        if (s.capacity() != loggedCapacity) {
            loggedCapacity = s.capacity();
            log.info("live capacity {} calls: {}", s.capacity(), s.reason());
        }
    }

    @Override
    public Health health() {
        int waiting = deferred.get();
        LiveCapacityController.State s = controller.state();
        Health.Builder h = waiting > 0 ? Health.status(DEGRADED) : Health.up();
        return h.withDetail("capacity", s.capacity()).withDetail("capacityReason", s.reason())
                .withDetail("live", s.live()).withDetail("onTrial", s.onTrial()).withDetail("deferred", waiting)
                .withDetail("decodeBusy", Math.round(s.busy() * 100) / 100.0)
                .withDetail("finalLagP95Ms", s.finalLagP95Ms())
                .withDetail("decodeCostPerCall", Double.isNaN(s.costPerCall()) ? "not measured"
                        : String.valueOf(Math.round(s.costPerCall() * 1000) / 1000.0))
                .build();
    }
}
