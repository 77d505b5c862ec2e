package io.earpiece.console.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Cluster mode ({@code earpiece.cluster.*}). Without a Kafka bootstrap address the node runs alone, its live events
 * on the in-process bus only (the default).
 *
 * @param nodeId this node's name in the cluster, unique per node; empty: the host name and a random suffix
 * @param kafka  the event backbone
 */
@ConfigurationProperties("earpiece.cluster")
public record ClusterProperties(@DefaultValue("") String nodeId, @DefaultValue Kafka kafka) {

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
