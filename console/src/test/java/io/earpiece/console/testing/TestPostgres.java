package io.earpiece.console.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL the repository tests use ({@code EARPIECE_TEST_POSTGRES_URL}, started by {@code .ci/run}), as the
 * db module's {@code PostgresRepositoryIT} finds it: missing under {@code CI=true} is a failure; elsewhere, without
 * it, one server of the test JVM's own is started from the installed binaries ({@link PostgresServer}, stopped when
 * the JVM exits), and only without those is the calling test skipped. {@link #freshDatabase} gives a test a
 * database of its own on that server, so Flyway migrates an empty one and no other test's rows are in the way.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "EARPIECE_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    /** A new, empty database on the test server; returns the Spring datasource properties that name it. */
    public static List<String> freshDatabase(String prefix) throws SQLException {
        String url = url();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(url, user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String fresh = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
        return List.of("spring.datasource.url=" + fresh, "spring.datasource.username=" + user(),
                "spring.datasource.password=" + password());
    }

    /** The server's URL: the variable's, or that of a server of this JVM's own (started on first use). */
    private static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail(URL_VARIABLE + " is not set; .ci/run should have started PostgreSQL");
        }
        if (url != null) {
            return url;
        }
        assumeTrue(PostgresServer.available(),
                URL_VARIABLE + " not set and no PostgreSQL installed: this PostgreSQL test is skipped");
        return OwnServer.URL;
    }

    /** Started when first needed, once per test JVM (class initialisation is lazy and thread-safe). */
    private static final class OwnServer {
        static final String URL = start();

        private static String start() {
            try {
                PostgresServer server = PostgresServer.create(Path.of("target", "it-data",
                        "test-postgres-" + UUID.randomUUID().toString().substring(0, 8)));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        // the JVM is exiting and has nobody left to tell
                    }
                }, "test-postgres-stop"));
                return server.jdbcUrl();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String user() {
        return env("EARPIECE_TEST_POSTGRES_USER", "earpiece");
    }

    private static String password() {
        return env("EARPIECE_TEST_POSTGRES_PASSWORD", "earpiece");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
