package io.earpiece.console.testing;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Janus (Debian's {@code janus}) with only its HTTP transport and SIP plugin, in a {@link PrivateNetwork}: ICE is
 * pinned to the namespace's veth end, the HTTP API listens on {@link #url()}. Configuration and the log go into
 * a fresh directory under {@code workRoot}.
 */
public final class JanusRunner implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/janus");
    private static final int HTTP_PORT = 8088;

    private final Process process;
    private final Path dir;
    private final String url;

    private JanusRunner(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
    }

    /** Where the SIP plugin and HTTP transport libraries are, if Janus is installed. */
    public static Optional<Path> libraryDir() {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.map(d -> d.resolve("janus")).filter(d -> Files.isRegularFile(d.resolve("plugins/libjanus_sip.so")))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts Janus inside {@code net} and waits until its HTTP API answers. */
    public static JanusRunner start(PrivateNetwork net, Path workRoot) throws IOException {
        Path lib = libraryDir().orElseThrow(() -> new IllegalStateException("Janus plugins not found under /usr/lib/*/janus"));
        Files.createDirectories(workRoot);
        Path dir = Files.createTempDirectory(workRoot.toAbsolutePath(), "janus-");
        for (String sub : List.of("plugins", "transports", "events", "loggers")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // Only what the softphone needs is loaded: Janus loads every library it finds in these folders.
        Files.createSymbolicLink(dir.resolve("plugins/libjanus_sip.so"), lib.resolve("plugins/libjanus_sip.so"));
        Files.createSymbolicLink(dir.resolve("transports/libjanus_http.so"), lib.resolve("transports/libjanus_http.so"));
        Files.writeString(dir.resolve("janus.jcfg"), """
                general: {
                    configs_folder = "%1$s"
                    plugins_folder = "%1$s/plugins"
                    transports_folder = "%1$s/transports"
                    events_folder = "%1$s/events"
                    loggers_folder = "%1$s/loggers"
                    log_to_stdout = true
                    debug_level = 4
                    debug_timestamps = true
                    server_name = "earpiece-it"
                    interface = "%3$s"
                    session_timeout = 60
                }
                media: {
                    ipv6 = false
                    rtp_port_range = "30000-30999"
                }
                nat: {
                    ice_enforce_list = "%2$s"
                    full_trickle = false
                    ice_lite = false
                }
                plugins: {
                }
                transports: {
                }
                events: {
                    broadcast = false
                }
                loggers: {
                }
                """.formatted(dir.toAbsolutePath(), net.innerInterface(), net.innerIp()));
        Files.writeString(dir.resolve("janus.transport.http.jcfg"), """
                general: {
                    json = "indented"
                    base_path = "/janus"
                    http = true
                    port = %d
                    https = false
                }
                admin: {
                    admin_http = false
                }
                cors: {
                }
                """.formatted(HTTP_PORT));
        Files.writeString(dir.resolve("janus.plugin.sip.jcfg"), """
                general: {
                    local_ip = "%s"
                    keepalive_interval = 120
                    behind_nat = false
                    register_ttl = 300
                    rtp_port_range = "31000-31999"
                    user_agent = "Janus (Earpiece IT)"
                }
                """.formatted(net.innerIp()));
        Path log = dir.resolve("janus.log");
        Process p = new ProcessBuilder(net.inside(List.of(BINARY.toString(), "--configs-folder=" + dir.toAbsolutePath(),
                "--config=" + dir.resolve("janus.jcfg").toAbsolutePath())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JanusRunner janus = new JanusRunner(p, dir, "http://" + net.innerIp() + ":" + HTTP_PORT + "/janus");
        try {
            janus.awaitReady(Duration.ofSeconds(20));
        } catch (IOException | RuntimeException e) {
            janus.dumpLog();
            janus.close();
            throw e;
        }
        return janus;
    }

    /** The HTTP API base, as seen from the host namespace. */
    public String url() {
        return url;
    }

    public Path log() {
        return dir.resolve("janus.log");
    }

    /** Prints the log's tail, for a failing test. */
    public void dumpLog() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            System.out.println("---- janus log (" + log() + "), last 200 lines ----");
            lines.subList(Math.max(0, lines.size() - 200), lines.size()).forEach(l -> System.out.println("[janus] " + l));
        } catch (IOException e) {
            System.out.println("no janus log: " + e.getMessage());
        }
    }

    private void awaitReady(Duration limit) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        AtomicReference<String> last = new AtomicReference<>("no answer");
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    return true;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/info"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    last.set(r.statusCode() + " " + r.body());
                    return r.statusCode() == 200 && r.body().contains("janus.plugin.sip");
                } catch (IOException e) {
                    last.set(e.toString());
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IOException("janus not ready after " + limit + ": " + last.get());
        }
        if (!process.isAlive()) {
            throw new IOException("janus exited with " + process.exitValue() + " (log: " + log() + ")");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
