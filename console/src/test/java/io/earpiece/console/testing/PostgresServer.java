package io.earpiece.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (Debian's {@code /usr/lib/postgresql/N/bin}), in a fresh data directory on
 * a free port, so that a test can {@link #stop()} and {@link #start()} it as an operator or a crash would without
 * disturbing the shared CI database ({@code EARPIECE_TEST_POSTGRES_URL}). As root it runs as the {@code postgres}
 * user, which PostgreSQL requires. {@link #available()} says whether the binaries are installed.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "earpiece";
    public static final String DATABASE = "earpiece";

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed PostgreSQL's bin directory, or null. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static boolean available() {
        return binaries() != null;
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Skips the calling test where PostgreSQL is not installed, saying {@code skipped}; fails it instead under
     * {@code CI=true}, where .ci/run installs it.
     */
    public static void assumeAvailable(String skipped) {
        if (!available()) {
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("PostgreSQL is not installed; .ci/run installs it");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "PostgreSQL not installed: " + skipped);
        }
    }

    /** Creates a cluster in {@code dir} (emptied first), starts it and creates the {@value #DATABASE} database. */
    public static PostgresServer create(Path dir) throws IOException, InterruptedException {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed (Debian package postgresql)");
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        PostgresServer server = new PostgresServer(bin, dir.toAbsolutePath(), ServerProcess.freePort());
        server.chownToPostgres();
        server.run("initdb", "-D", server.data().toString(), "-A", "trust", "-U", USER);
        server.start();
        server.run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(server.port), "-U", USER, DATABASE);
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Starts the server on its data and returns when it accepts connections ({@code pg_ctl -w}). */
    public void start() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops the server as {@code pg_ctl stop -m fast} does: open connections are cut, committed data stays. */
    public void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            stop();
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void chownToPostgres() throws IOException, InterruptedException {
        if (asRoot()) {
            exec(List.of("chown", "-R", "postgres", dir.toString()));
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        exec(command);
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        // To a file, not a pipe: the server pg_ctl starts would keep a pipe open after pg_ctl returned.
        Path out = dir.resolve("tool.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile())
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + Files.readString(out));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
