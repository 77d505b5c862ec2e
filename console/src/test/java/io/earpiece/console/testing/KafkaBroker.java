package io.earpiece.console.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) on loopback, started as its own JVM from
 * the {@code kafka_2.13} classes on the test classpath, its storage formatted first as Kafka's own tooling does. The
 * one helper for this peer: {@link #start}, {@link #bootstrap}, {@link #stop} (a clean stop) and {@link #restart}.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker; returns once it answers. */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        KafkaBroker broker = new KafkaBroker(dir.toAbsolutePath(), freePort(), freePort());
        broker.writeConfig();
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM, a controlled shutdown) and starts it again on the same port and data. */
    public void restart() throws IOException {
        stop();
        launch();
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private void writeConfig() throws IOException {
        Files.writeString(config(), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "") );
    }

    private void format() throws IOException, InterruptedException {
        Process p = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config().toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
        }
    }

    private void launch() throws IOException {
        process = java("kafka.Kafka", config().toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(this::answers);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("kafka broker did not start; see " + dir.resolve("broker.log"), e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("kafka broker exited with " + process.exitValue() + "; see "
                    + dir.resolve("broker.log"));
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** A JVM on the test classpath (surefire's real one when present: java.class.path may be a manifest-only jar). */
    private ProcessBuilder java(String mainClass, String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + writeLogConfig(), "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** The broker logs at WARN to its own file, not with the test's configuration. */
    private String writeLogConfig() {
        Path f = dir.resolve("logback.xml");
        try {
            Files.writeString(f, "<configuration><appender name='o' class='ch.qos.logback.core.ConsoleAppender'>"
                    + "<encoder><pattern>%d %-5level %logger{24} - %msg%n</pattern></encoder></appender>"
                    + "<root level='WARN'><appender-ref ref='o'/></root>"
                    + "<logger name='kafka.server.KafkaRaftServer' level='INFO'/></configuration>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
