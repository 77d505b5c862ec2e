package io.earpiece.console.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Cluster mode ({@code earpiece.cluster.*}). Without a Kafka bootstrap address the node runs alone, its live events
 * on the in-process bus only (the default).
 *
 * @param nodeId      this node's name in the cluster, unique per node and kept across restarts (a restarted node
 *                    closes the calls its earlier run left under that name); empty: the host name and a random suffix
 * @param kafka       the event backbone
 * @param heartbeat   how often a node renews its liveness lease in the shared database and looks for lost nodes
 * @param nodeTimeout how long a node's lease lasts: a node silent for longer counts as lost, and a surviving node
 *                    ends its calls ({@code NODE_LOST}) and has them summarised. Far above the heartbeat, so a
 *                    slow database or a long GC pause does not end a living node's calls
 * @param drain       graceful drain ({@code POST /actuator/drain}, or SIGTERM with {@code drain.on-shutdown})
 */
@ConfigurationProperties("earpiece.cluster")
public record ClusterProperties(@DefaultValue("") String nodeId, @DefaultValue Kafka kafka,
                                @DefaultValue("5s") Duration heartbeat, @DefaultValue("30s") Duration nodeTimeout,
                                @DefaultValue Drain drain) {

    public ClusterProperties {
        if (heartbeat.isZero() || heartbeat.isNegative() || nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("earpiece.cluster.node-timeout (" + nodeTimeout
                    + ") must be at least twice earpiece.cluster.heartbeat (" + heartbeat + ")");
        }
    }

    /**
     * @param limit      longest a draining node waits for its calls in progress to end by themselves; those still
     *                   up then are hung up (BYE) before the node stops
     * @param onShutdown whether SIGTERM (a clean stop) drains first, up to {@code limit}, instead of hanging up at
     *                   once
     * @param exit       whether the process exits once drained (a supervisor or Kubernetes starts it again)
     */
    public record Drain(@DefaultValue("10m") Duration limit, @DefaultValue("false") boolean onShutdown,
                        @DefaultValue("true") boolean exit) {
    }

    /**
     * @param bootstrapServers  Kafka brokers ({@code host:port,...}); empty: cluster mode off
     * @param topic             topic of live call events, keyed by call id (created when missing)
     * @param partitions        partitions when the topic is created
     * @param replicationFactor replication when the topic is created (3 on a production cluster)
     * @param sendTimeout       longest a send may wait for broker metadata before the event is dropped from the
     *                          relay (the event is stored and served to reconnecting browsers anyway)
     */
    public record Kafka(@DefaultValue("") String bootstrapServers,
                        @DefaultValue("earpiece.call-events") String topic,
                        @DefaultValue("6") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        @DefaultValue("5s") Duration sendTimeout) {
    }

    public boolean enabled() {
        return kafka != null && !kafka.bootstrapServers().isBlank();
    }
}
