package io.earpiece.sip.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real kamailio in the foreground for a test: fills the {@code @NAME@} placeholders of a config from
 * the test resources, listens on an allocated loopback port, waits until it answers OPTIONS, dumps its log when
 * asked or when it does not come up, and kills it and its children on close. Published in the test-jar.
 */
public final class KamailioRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KamailioRunner.class);
    private static final String KAMAILIO = System.getProperty("earpiece.kamailio", "/usr/sbin/kamailio");
    private static final String MODULES = System.getProperty("earpiece.kamailio.modules",
            "/usr/lib/x86_64-linux-gnu/kamailio/modules/");

    private final Process process;
    private final Path workDir;
    private final int port;

    private KamailioRunner(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    /** Whether kamailio is installed where this runner looks for it. */
    public static boolean available() {
        return Files.isExecutable(Path.of(KAMAILIO));
    }

    /**
     * Starts kamailio with the config at classpath {@code resource}, placeholders replaced by {@code values}
     * plus {@code PORT} and {@code MPATH}, and waits up to {@code ready} for it to answer.
     */
    public static KamailioRunner start(String resource, Map<String, String> values, Duration ready) {
        String cfg;
        try (InputStream in = KamailioRunner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no kamailio config " + resource);
            }
            cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return launch(resource, cfg, values, ready);
    }

    /** As {@link #start(String, Map, Duration)} with a config file, e.g. one the project ships under docker/. */
    public static KamailioRunner start(Path file, Map<String, String> values, Duration ready) {
        try {
            return launch(file.toString(), Files.readString(file), values, ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static KamailioRunner launch(String resource, String template, Map<String, String> values,
                                         Duration ready) {
        try {
            Path root = Path.of("target", "kamailio").toAbsolutePath();
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "run-");
            int port = SippRunner.freeUdpPort("127.0.0.1");
            Map<String, String> all = new LinkedHashMap<>(values);
            all.put("PORT", Integer.toString(port));
            all.put("MPATH", MODULES);
            String cfg = template;
            for (Map.Entry<String, String> e : all.entrySet()) {
                cfg = cfg.replace("@" + e.getKey() + "@", e.getValue());
            }
            java.util.regex.Matcher unfilled = java.util.regex.Pattern.compile("@[A-Z_]+@").matcher(cfg);
            if (unfilled.find()) {
                throw new IllegalArgumentException("unfilled placeholder " + unfilled.group() + " in " + resource);
            }
            Path cfgFile = dir.resolve("kamailio.cfg");
            Files.writeString(cfgFile, cfg);
            List<String> cmd = List.of(KAMAILIO, "-f", cfgFile.toString(), "-DD", "-E",
                    "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-m", "32", "-M", "4");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("kamailio.log").toFile()).start();
            KamailioRunner runner = new KamailioRunner(p, dir, port);
            try {
                runner.awaitReady(ready);
            } catch (RuntimeException e) {
                runner.dumpLog();
                runner.close();
                throw e;
            }
            log.info("kamailio up on 127.0.0.1:{} ({})", port, dir);
            return runner;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kamailio", e);
        }
    }

    /** The UDP port kamailio listens on at 127.0.0.1. */
    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    /** Kamailio's combined output so far. */
    public String logText() {
        try {
            return Files.readString(workDir.resolve("kamailio.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes kamailio's log (its tail when long) to the test log. */
    public void dumpLog() {
        String text = logText();
        if (text.length() > 30_000) {
            text = "...\n" + text.substring(text.length() - 30_000);
        }
        log.warn("---- kamailio log ({}) ----\n{}", workDir, text);
    }

    private void awaitReady(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(200);
            int attempt = 0;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kamailio exited with " + process.exitValue());
                }
                String options = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bKready" + attempt + "\r\n"
                        + "From: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:127.0.0.1>\r\n"
                        + "Call-ID: ready-" + attempt + "@127.0.0.1\r\nCSeq: " + (++attempt) + " OPTIONS\r\n"
                        + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
                byte[] b = options.getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", port)));
                byte[] buf = new byte[4096];
                try {
                    DatagramPacket in = new DatagramPacket(buf, buf.length);
                    s.receive(in);
                    if (new String(buf, 0, in.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 200")) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    // Not listening yet: ask again.
                }
            }
        }
        throw new IllegalStateException("kamailio did not answer OPTIONS within " + within);
    }

    /** Stops kamailio and its children. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
