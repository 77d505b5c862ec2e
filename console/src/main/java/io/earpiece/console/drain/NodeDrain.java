package io.earpiece.console.drain;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.cluster.ClusterProperties;
import io.earpiece.sip.SipGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Takes a node out of service without cutting anyone off: the SIP gateway answers new calls and the proxy's OPTIONS
 * probes with 503 (Kamailio's dispatcher then sends new calls to the other nodes), the calls in progress go on until
 * they end by themselves or {@code earpiece.cluster.drain.limit} passes (those left are hung up then, every final
 * flushed and stored as at any hang-up), and then the process exits (unless {@code drain.exit=false}) for its
 * supervisor to restart or retire it. Started by {@code POST /actuator/drain} (admins), or by SIGTERM when
 * {@code drain.on-shutdown} is set. Health is OUT_OF_SERVICE (HTTP 503) from the start, so a load balancer or a
 * Kubernetes readiness probe stops sending browsers too.
 */
@Component
public class NodeDrain implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(NodeDrain.class);
    /** How often the drain looks at the calls still in progress. */
    private static final Duration CHECK = Duration.ofMillis(200);

    /** Where a drain stands: {@code serving}, {@code draining} or {@code drained} (no calls left). */
    public record State(String state, int calls, Instant since) {
    }

    private final ObjectProvider<SipGateway> gateway;
    private final CallCoordinator calls;
    private final ClusterProperties.Drain properties;
    private final ConfigurableApplicationContext context;
    private volatile Instant since;
    private volatile boolean drained;

    public NodeDrain(ObjectProvider<SipGateway> gateway, CallCoordinator calls, ClusterProperties cluster,
                     ConfigurableApplicationContext context) {
        this.gateway = gateway;
        this.calls = calls;
        this.properties = cluster.drain();
        this.context = context;
    }

    public State state() {
        Instant s = since;
        return new State(s == null ? "serving" : drained ? "drained" : "draining", calls.activeCalls(), s);
    }

    /** Starts draining (once; a second request reports the drain under way) and returns at once. */
    public State start() {
        if (refuseNewCalls()) {
            Thread t = new Thread(() -> {
                awaitCalls();
                if (properties.exit()) {
                    log.info("drain: done, exiting");
                    System.exit(SpringApplication.exit(context, () -> 0));
                }
            }, "node-drain");
            t.start();
        }
        return state();
    }

    /** For a clean stop (SIGTERM) with {@code drain.on-shutdown}: drains in the caller's thread, without exiting. */
    public void beforeShutdown() {
        if (properties.onShutdown()) {
            refuseNewCalls();
            awaitCalls();
        }
    }

    /** True when this call started the drain. */
    private synchronized boolean refuseNewCalls() {
        if (since != null) {
            return false;
        }
        since = Instant.now();
        gateway.ifAvailable(SipGateway::drain);
        log.warn("drain: refusing new calls; waiting up to {} for {} call(s) in progress", properties.limit(),
                calls.activeCalls());
        return true;
    }

    private void awaitCalls() {
        long deadline = System.nanoTime() + properties.limit().toNanos();
        try {
            while (calls.activeCalls() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(CHECK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (calls.activeCalls() > 0) {
            log.warn("drain: {} call(s) still up after {}; hanging them up", calls.activeCalls(), properties.limit());
            calls.hangUpAll();
        }
        drained = true;
    }

    @Override
    public Health health() {
        if (since == null) {
            return Health.up().build();
        }
        State s = state();
        return Health.outOfService().withDetail("drain", s.state()).withDetail("calls", s.calls()).build();
    }
}
