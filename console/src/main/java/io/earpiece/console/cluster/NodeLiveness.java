package io.earpiece.console.cluster;

import io.earpiece.console.call.CallStore;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.console.plugin.PluginDispatcher;
import io.earpiece.console.polling.OutageLog;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.CallStatus;
import io.earpiece.db.lease.LeaseRepository;
import io.earpiece.plugins.CallInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which nodes of a cluster are alive, kept in the shared database: every node renews a lease named after itself
 * ({@code node/<id>}) each heartbeat; a node whose lease ran out is lost. A surviving node that finds calls still
 * active under a lost node's name takes that node's lease (the database lets one survivor have it), ends those calls
 * ({@code NODE_LOST}), announces their end and hands them to the after-call listeners, so the lost node's calls get
 * their summaries and exports from a survivor. What the lost node stored (every final it announced) stays as it is.
 * Cluster mode only.
 */
@Component
public class NodeLiveness implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);
    static final String PREFIX = "node/";
    static final String LOST = "NODE_LOST";

    private final ClusterProperties properties;
    private final NodeIdentity node;
    private final LeaseRepository leases;
    private final CallRepository calls;
    private final CallStore store;
    private final CallEventBus bus;
    private final PluginDispatcher plugins;
    private final Counter recovered;
    private final OutageLog beats;
    private ScheduledExecutorService timer;
    private volatile boolean alive;

    public NodeLiveness(ClusterProperties properties, NodeIdentity node, LeaseRepository leases, CallRepository calls,
                        CallStore store, CallEventBus bus, PluginDispatcher plugins, MeterRegistry registry,
                        OutageLogs outages) {
        this.properties = properties;
        this.node = node;
        this.leases = leases;
        this.calls = calls;
        this.store = store;
        this.bus = bus;
        this.plugins = plugins;
        this.recovered = Counter.builder("earpiece.cluster.calls.recovered")
                .description("calls of lost nodes that this node ended and summarised").register(registry);
        this.beats = outages.forTask("cluster heartbeat", log);
    }

    /** Whether this node's liveness lease was renewed at the last heartbeat. */
    public boolean alive() {
        return alive;
    }

    @Override
    public synchronized void start() {
        if (timer != null || !node.clustered()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-liveness");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::beat, 0, properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            renew();
            recoverLostNodes();
            beats.worked();
        } catch (RuntimeException e) {
            // the database is away: nothing to do but try again at the next beat
            beats.failed(e);
        }
    }

    private void renew() {
        boolean now = leases.acquire(PREFIX + node.id(), node.id(), Instant.now(), properties.nodeTimeout());
        if (!now && alive) {
            log.warn("cluster: node {} could not renew its liveness lease (another node is recovering it)", node.id());
        }
        alive = now;
    }

    /** Ends the calls of every node whose lease ran out; returns how many this node ended. */
    int recoverLostNodes() {
        int n = 0;
        for (String other : calls.nodesWithCalls(CallStatus.ACTIVE)) {
            if (other.equals(node.id())) {
                continue;
            }
            // taking the lease succeeds only once it ran out, and for one survivor only
            if (leases.acquire(PREFIX + other, node.id(), Instant.now(), properties.nodeTimeout())) {
                try {
                    n += recover(other);
                } finally {
                    // handed back at once, so the lost node can take its name again when it restarts
                    leases.findById(PREFIX + other).filter(l -> l.getHolder().equals(node.id()))
                            .ifPresent(leases::delete);
                }
            }
        }
        return n;
    }

    private int recover(String lost) {
        List<CallEntity> ended = store.endCallsOf(lost, Instant.now(), LOST);
        if (!ended.isEmpty()) {
            log.warn("cluster: node {} is lost (no heartbeat for {}); ended its {} call(s)", lost,
                    properties.nodeTimeout(), ended.size());
        }
        for (CallEntity c : ended) {
            bus.publish(new CallStateEvent(c.getId(), "ended", null));
            long durationMs = Math.max(0, Instant.now().toEpochMilli() - c.getStartedAt().toEpochMilli());
            try {
                plugins.callEnded(new CallInfo(c.getId(), c.getConversationId(), c.getFromUri(), c.getToUri(),
                        c.getStartedAt(), durationMs, store.partiesOf(c.getId()), (int) store.segmentCount(c.getId()),
                        LOST));
            } catch (RuntimeException e) {
                log.error("cluster: after-call work for call {} of lost node {} failed", c.getId(), lost, e);
            }
            recovered.increment();
        }
        return ended.size();
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        alive = false;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
