package io.earpiece.console.testing;

import io.earpiece.sip.testing.KamailioRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Kamailio running the shipped cluster config ({@code docker/kamailio/kamailio.cfg}) in front of Earpiece nodes on
 * loopback, its dispatcher list naming each node's SIP port.
 */
public final class KamailioDispatcher {

    private KamailioDispatcher() {
    }

    /** In front of both nodes of {@code cluster}. */
    public static KamailioRunner start(TwoNodeCluster cluster) throws IOException {
        return start(cluster.data(), cluster.sipPort(0), cluster.sipPort(1));
    }

    /** In front of the nodes listening on {@code sipPorts} of 127.0.0.1; its list is written under {@code dir}. */
    public static KamailioRunner start(Path dir, int... sipPorts) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int port : sipPorts) {
            lines.append("1 sip:127.0.0.1:").append(port).append('\n');
        }
        Path list = dir.resolve("dispatcher-" + UUID.randomUUID().toString().substring(0, 8) + ".list");
        Files.createDirectories(dir);
        Files.writeString(list, lines);
        return KamailioRunner.start(Path.of("..", "docker", "kamailio", "kamailio.cfg"),
                Map.of("ADDR", "127.0.0.1", "LIST", list.toAbsolutePath().toString()), Duration.ofSeconds(20));
    }
}
