package io.earpiece.sip.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs a real sipp process for a test: a scenario against a remote host:port from an allocated local port,
 * waits for its exit with a timeout, dumps its output and logs when it fails, and always kills it on close.
 * Build with {@link #builder(Path)}; published in this module's test-jar for other modules' end-to-end tests.
 */
public final class SippRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SippRunner.class);
    private static final String SIPP = System.getProperty("earpiece.sipp", "/usr/bin/sipp");

    private final Process process;
    private final List<String> command;
    private final Path workDir;
    private final int localPort;
    private final Duration timeout;

    private SippRunner(Process process, List<String> command, Path workDir, int localPort, Duration timeout) {
        this.process = process;
        this.command = command;
        this.workDir = workDir;
        this.localPort = localPort;
        this.timeout = timeout;
    }

    /** Starts building a run of this scenario file. */
    public static Builder builder(Path scenario) {
        return new Builder(scenario);
    }

    /** The local SIP port sipp was told to use. */
    public int localPort() {
        return localPort;
    }

    /** Directory holding sipp's stdout, stderr and logs for this run. */
    public Path workDir() {
        return workDir;
    }

    /** The command line that was started. */
    public List<String> command() {
        return command;
    }

    /** Whether sipp is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for sipp to exit within the builder's timeout and returns its exit code (0: every call succeeded).
     * On a timeout sipp is killed and an {@link IllegalStateException} thrown; on a non-zero exit the logs are dumped.
     */
    public int awaitExit() {
        return awaitExit(timeout);
    }

    /** As {@link #awaitExit()} with an explicit timeout. */
    public int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                dumpLogs();
                throw new IllegalStateException("sipp did not exit within " + limit + ": " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("interrupted waiting for sipp", e);
        }
        int code = process.exitValue();
        if (code != 0) {
            log.warn("sipp exited with {}: {}", code, String.join(" ", command));
            dumpLogs();
        }
        return code;
    }

    /** Writes sipp's stdout, stderr, error log and message trace (when present) to the test log. */
    public void dumpLogs() {
        try (var files = Files.list(workDir)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (text.length() > 20_000) {
                    text = "...\n" + text.substring(text.length() - 20_000);
                }
                log.warn("---- sipp {} ----\n{}", f.getFileName(), text);
            }
        } catch (IOException e) {
            log.warn("could not read sipp logs in {}: {}", workDir, e.toString());
        }
    }

    /** Contents of the file sipp wrote for this run whose name ends with {@code suffix}, or "" when absent. */
    public String file(String suffix) {
        try (var files = Files.list(workDir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().endsWith(suffix)) {
                    return Files.readString(f, StandardCharsets.ISO_8859_1);
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills sipp if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Picks a UDP port that is free right now on this address. */
    public static int freeUdpPort(String host) {
        return TestPorts.next(host);
    }

    /** A free even UDP port with room above it, for sipp's media: sipp uses the media port and the next ones. */
    public static int evenFreeUdpPort(String host) {
        return TestPorts.next(host);
    }

    /**
     * A peer that answers one INVITE with {@code status} and {@code reason} and takes the ACK: a trunk in an outage
     * (503), a busy phone or callee (486). Written under target/sipp-scenarios.
     */
    public static Path refusingPeer(int status, String reason) throws IOException {
        return editedScenario("/sipp/refuse.xml", Path.of("target", "sipp-scenarios"),
                x -> x.replace("@STATUS@", String.valueOf(status)).replace("@REASON@", reason));
    }

    /**
     * A scenario from the test classpath ({@code /sipp/...}, this module's test-jar or the caller's resources),
     * changed by {@code edit} and written to a new file in {@code dir}.
     */
    public static Path editedScenario(String resource, Path dir, UnaryOperator<String> edit) throws IOException {
        String xml;
        try (InputStream in = SippRunner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sipp scenario " + resource + " on the test classpath");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Files.createDirectories(dir);
        String name = resource.substring(resource.lastIndexOf('/') + 1).replaceAll("\\.xml$", "");
        Path file = Files.createTempFile(dir, name + "-", ".xml");
        Files.writeString(file, edit.apply(xml), StandardCharsets.ISO_8859_1);
        return file;
    }

    /** Options for one sipp run; unset options are left to sipp's defaults. */
    public static final class Builder {
        private final Path scenario;
        private String remoteHost = "127.0.0.1";
        private int remotePort = 5060;
        private String localHost = "127.0.0.1";
        private int localPort;
        private Integer mediaPort;
        private String mediaIp;
        private Integer calls = 1;
        private Double rate;
        private Integer ratePeriodMs;
        private Integer limit;
        private Path injectionFile;
        private final Map<String, String> keys = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(30);
        private Path workRoot = Path.of("target", "sipp");
        private boolean traceMessages = true;

        private Builder(Path scenario) {
            this.scenario = Objects.requireNonNull(scenario);
        }

        /** Where to send calls. */
        public Builder remote(String host, int port) {
            this.remoteHost = host;
            this.remotePort = port;
            return this;
        }

        /** Local address for sipp's socket ({@code -i}); default 127.0.0.1. */
        public Builder localHost(String host) {
            this.localHost = host;
            return this;
        }

        /** Local SIP port ({@code -p}); default: one allocated when the run starts. */
        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        /** Local media address ({@code -mi}). */
        public Builder mediaIp(String ip) {
            this.mediaIp = ip;
            return this;
        }

        /** Local media port ({@code -mp}); default: one allocated when the run starts, so parallel runs do not clash. */
        public Builder mediaPort(int port) {
            this.mediaPort = port;
            return this;
        }

        /** Total calls before sipp exits ({@code -m}); default 1. */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /** New calls per rate period ({@code -r}). */
        public Builder rate(double callsPerPeriod) {
            this.rate = callsPerPeriod;
            return this;
        }

        /** Rate period in milliseconds ({@code -rp}). */
        public Builder ratePeriodMs(int ms) {
            this.ratePeriodMs = ms;
            return this;
        }

        /** Concurrent call limit ({@code -l}). */
        public Builder limit(int concurrentCalls) {
            this.limit = concurrentCalls;
            return this;
        }

        /** A scenario keyword, {@code [name]} in the XML ({@code -key name value}). */
        public Builder key(String name, String value) {
            keys.put(name, value);
            return this;
        }

        /** A scenario variable ({@code -set name value}). */
        public Builder set(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /** A CSV injection file ({@code -inf}). */
        public Builder injectionFile(Path csv) {
            this.injectionFile = csv;
            return this;
        }

        /** Any further sipp arguments, appended as given. */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /** How long {@link SippRunner#awaitExit()} waits; also passed to sipp as its global timeout. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Parent directory for this run's logs; default target/sipp. */
        public Builder workRoot(Path dir) {
            this.workRoot = dir;
            return this;
        }

        /** Whether sipp writes a message trace ({@code -trace_msg}); on by default, turn off for load runs. */
        public Builder traceMessages(boolean on) {
            this.traceMessages = on;
            return this;
        }

        /** Starts sipp. */
        public SippRunner start() {
            try {
                String name = scenario.getFileName().toString().replaceAll("\\.xml$", "");
                Files.createDirectories(workRoot);
                Path dir = Files.createTempDirectory(workRoot.toAbsolutePath(), name + "-");
                int port = localPort > 0 ? localPort : freeUdpPort(localHost);
                List<String> cmd = new ArrayList<>(List.of(SIPP, remoteHost + ":" + remotePort,
                        "-sf", scenario.toAbsolutePath().toString(),
                        "-i", localHost, "-p", Integer.toString(port),
                        "-nostdin", "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                        "-timeout", Math.max(1, timeout.toSeconds()) + "s", "-timeout_error"));
                cmd.addAll(List.of("-mp", Integer.toString(mediaPort != null ? mediaPort : freeUdpPort(localHost))));
                if (mediaIp != null) {
                    cmd.addAll(List.of("-mi", mediaIp));
                }
                if (traceMessages) {
                    cmd.addAll(List.of("-trace_msg", "-message_file", dir.resolve("messages.log").toString()));
                }
                if (calls != null) {
                    cmd.addAll(List.of("-m", Integer.toString(calls)));
                }
                if (rate != null) {
                    cmd.addAll(List.of("-r", stripZeros(rate)));
                }
                if (ratePeriodMs != null) {
                    cmd.addAll(List.of("-rp", ratePeriodMs + "ms"));
                }
                if (limit != null) {
                    cmd.addAll(List.of("-l", Integer.toString(limit)));
                }
                if (injectionFile != null) {
                    cmd.addAll(List.of("-inf", injectionFile.toAbsolutePath().toString()));
                }
                keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
                variables.forEach((k, v) -> cmd.addAll(List.of("-set", k, v)));
                cmd.addAll(extraArgs);
                Process p = new ProcessBuilder(cmd)
                        .directory(dir.toFile())
                        .redirectOutput(dir.resolve("stdout.txt").toFile())
                        .redirectError(dir.resolve("stderr.txt").toFile())
                        .start();
                log.debug("started sipp: {}", String.join(" ", cmd));
                if (transport().startsWith("u")) {
                    awaitBound(p, port, List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6")), null);
                } else if (transport().equals("t1") && localPort > 0) {
                    // a TCP phone: it must listen before the gateway connects to ring it
                    awaitBound(p, port, List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")), LISTEN);
                }
                return new SippRunner(p, List.copyOf(cmd), dir, port, timeout.plusSeconds(10));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start sipp", e);
            }
        }

        /** A TCP socket's state in /proc/net/tcp while it listens. */
        private static final String LISTEN = "0A";

        /** sipp's {@code -t} transport argument ({@code u1} when not given). */
        private String transport() {
            int i = extraArgs.indexOf("-t");
            return i >= 0 && i + 1 < extraArgs.size() ? extraArgs.get(i + 1) : "u1";
        }

        /**
         * Waits until sipp holds its UDP SIP port, or listens on its TCP one ({@code state} {@link #LISTEN}); it binds
         * a moment after it starts. So a peer the test starts next never sends to a port nobody listens on yet: an
         * INVITE lost that way over UDP is retransmitted for 32 s and may reach whichever sipp the next test starts on that port. Reads the kernel's socket table rather than
         * probing with a bind, which could take the port from sipp. Gives up after 10 s or when sipp exits (its
         * logs then say why).
         */
        private static void awaitBound(Process p, int port, List<Path> tables, String state) {
            String hexPort = String.format(":%04X ", port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (p.isAlive() && System.nanoTime() < deadline) {
                for (Path table : tables) {
                    try {
                        for (String line : Files.readAllLines(table)) {
                            String[] f = line.trim().split("\\s+");
                            if (f.length > 3 && (f[1] + " ").endsWith(hexPort)
                                    && (state == null || state.equals(f[3]))) {
                                return;
                            }
                        }
                    } catch (IOException e) {
                        return; // no /proc here: carry on as before
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /** Starts sipp, waits for it to exit, and returns the exit code; sipp is killed if it overruns. */
        public int run() {
            try (SippRunner r = start()) {
                return r.awaitExit();
            }
        }

        private static String stripZeros(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
