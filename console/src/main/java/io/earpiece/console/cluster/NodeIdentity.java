package io.earpiece.console.cluster;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.UUID;

/** This node's name in a cluster: {@code earpiece.cluster.node-id}, or the host name with a random suffix. */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity(ClusterProperties properties) {
        this.id = properties.nodeId().isBlank() ? generated() : properties.nodeId();
    }

    public String id() {
        return id;
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
