package io.earpiece.console.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL the repository tests use ({@code EARPIECE_TEST_POSTGRES_URL}, started by {@code .ci/run}), as the
 * db module's {@code PostgresRepositoryIT} finds it: missing under {@code CI=true} is a failure, elsewhere the
 * calling test is skipped. {@link #freshDatabase} gives a test a database of its own on that server, so Flyway
 * migrates an empty one and no other test's rows are in the way.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "EARPIECE_TEST_POSTGRES_URL";

    private TestPostgres() {
    }

    /** A new, empty database on the test server; returns the Spring datasource properties that name it. */
    public static List<String> freshDatabase(String prefix) throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url == null && "true".equals(System.getenv("CI"))) {
            fail(URL_VARIABLE + " is not set; .ci/run should have started PostgreSQL");
        }
        assumeTrue(url != null, URL_VARIABLE + " not set: this PostgreSQL test is skipped");
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
