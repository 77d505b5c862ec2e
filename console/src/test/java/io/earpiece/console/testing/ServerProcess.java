package io.earpiece.console.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The whole server ({@link ReplayServer}) in a JVM of its own, on the test's class path, so that a test can
 * {@link #kill()} it with SIGKILL as a crash or the OOM killer would, and start another on the same data. Output
 * goes to {@code log}. Ports are picked free before the start and kept across restarts.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int sipPort;
    private final Path log;

    private ServerProcess(Process process, int httpPort, int sipPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.sipPort = sipPort;
        this.log = log;
    }

    /**
     * Starts the server with these Spring properties ({@code name=value}) besides the ports, and returns when
     * {@code /actuator/health} answers.
     */
    public static ServerProcess start(int httpPort, int sipPort, Path log, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ReplayServer.class.getName(),
                "--server.port=" + httpPort, "--earpiece.sip.host=127.0.0.1", "--earpiece.sip.port=" + sipPort,
                "--earpiece.sip.public-host=127.0.0.1", "--earpiece.rtp.host=127.0.0.1",
                "--" + TestAuth.ADMIN_PASSWORD_PROPERTY, "--earpiece.reports.nightly=false"));
        properties.forEach(p -> command.add("--" + p));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(process, httpPort, sipPort, log);
        try {
            // A cold start on a busy 2-core machine takes minutes (model embeddings, Hibernate, Flyway).
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue() + ", see " + log);
                }
                return server.health() != null;
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return server;
    }

    /** The body of {@code /actuator/health}, or null while nothing answers. */
    public String health() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int sipPort() {
        return sipPort;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no BYE, no flush; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
    }

    /** Waits up to {@code limit} for the process to exit by itself; its exit code, or null if it is still running. */
    public Integer awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** A TCP port and the same-numbered UDP port, both free now on the loopback. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
