package io.earpiece.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Two Earpiece nodes, {@code a} and {@code b}, in JVMs of their own ({@link ServerProcess}) on one fresh PostgreSQL
 * database ({@link TestPostgres}), with one Kafka broker when the test needs live events across nodes. Both start
 * together, as a new cluster does (they race for Flyway's lock and the first admin); ports are picked once, so a
 * node killed or drained starts again on the same ones ({@link #restart}).
 */
public final class TwoNodeCluster implements AutoCloseable {

    public static final String[] NAMES = {"a", "b"};

    private final Path data;
    private final List<String> database;
    private final KafkaBroker broker;
    private final int rtpBase;
    private final List<String> extra;
    private final int[] httpPorts = new int[2];
    private final int[] sipPorts = new int[2];
    private final int[] runs = new int[2];
    private final ServerProcess[] nodes = new ServerProcess[2];

    private TwoNodeCluster(String name, boolean kafka, int rtpBase, List<String> extra) throws Exception {
        this.data = Path.of("target", "it-data", name).toAbsolutePath();
        Files.createDirectories(data);
        this.database = TestPostgres.freshDatabase(name.replace('-', '_'));
        this.broker = kafka ? KafkaBroker.start(data.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8)))
                : null;
        this.rtpBase = rtpBase;
        this.extra = List.copyOf(extra);
        for (int i = 0; i < 2; i++) {
            httpPorts[i] = ServerProcess.freePort();
            sipPorts[i] = ServerProcess.freePort();
        }
    }

    /**
     * Starts both nodes.
     *
     * @param name    the data folder under {@code target/it-data} and the database's prefix
     * @param kafka   whether the nodes share live events through a broker started here (cluster mode's backbone)
     * @param rtpBase node {@code i} relays RTP on ports {@code rtpBase + 100 i} to {@code + 99}
     * @param extra   further Spring properties ({@code name=value}) of both nodes
     */
    public static TwoNodeCluster start(String name, boolean kafka, int rtpBase, List<String> extra) throws Exception {
        TwoNodeCluster cluster = new TwoNodeCluster(name, kafka, rtpBase, extra);
        try {
            CompletableFuture<ServerProcess> a = CompletableFuture.supplyAsync(() -> cluster.launch(0));
            CompletableFuture<ServerProcess> b = CompletableFuture.supplyAsync(() -> cluster.launch(1));
            cluster.nodes[0] = a.join();
            cluster.nodes[1] = b.join();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts node {@code i} again (after a kill or a drain) on its ports and data, logging to a new file. */
    public ServerProcess restart(int i) {
        nodes[i] = launch(i);
        return nodes[i];
    }

    private ServerProcess launch(int i) {
        String name = NAMES[i];
        List<String> properties = new ArrayList<>(database);
        properties.addAll(List.of("earpiece.data-dir=" + data.resolve(name),
                "earpiece.rtp.port-min=" + (rtpBase + 100 * i), "earpiece.rtp.port-max=" + (rtpBase + 99 + 100 * i),
                "earpiece.cluster.node-id=" + name));
        if (broker != null) {
            properties.addAll(List.of("earpiece.cluster.kafka.bootstrap-servers=" + broker.bootstrap(),
                    "earpiece.cluster.kafka.partitions=3"));
        }
        properties.addAll(extra);
        runs[i]++;
        try {
            return ServerProcess.start(httpPorts[i], sipPorts[i], data.resolve(name + "-server-" + runs[i] + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + ".log"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServerProcess node(int i) {
        return nodes[i];
    }

    public int httpPort(int i) {
        return httpPorts[i];
    }

    public int sipPort(int i) {
        return sipPorts[i];
    }

    /** The test's data folder (for files of its own: a dispatcher list, scenarios). */
    public Path data() {
        return data;
    }

    /** A connection to the nodes' shared database. */
    public Connection connect() throws SQLException {
        Map<String, String> p = database.stream().map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        return DriverManager.getConnection(p.get("spring.datasource.url"), p.get("spring.datasource.username"),
                p.get("spring.datasource.password"));
    }

    /** The single number {@code sql} selects from the shared database. */
    public long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The first column of {@code sql}'s rows mapped to the second. */
    public Map<String, String> column(String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {nodes[1], nodes[0], broker}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
