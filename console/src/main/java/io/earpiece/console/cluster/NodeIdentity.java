package io.earpiece.console.cluster;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.UUID;

/** This node's name in a cluster: {@code earpiece.cluster.node-id}, or the host name with a random suffix. */
@Component
public class NodeIdentity {

    private final String id;
    private final boolean clustered;

    public NodeIdentity(ClusterProperties properties) {
        this.id = properties.nodeId().isBlank() ? generated() : properties.nodeId();
        this.clustered = properties.enabled();
    }

    public String id() {
        return id;
    }

    /** Whether this node is one of a cluster (Kafka configured): its calls are then marked with its name. */
    public boolean clustered() {
        return clustered;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
