package io.earpiece.console.storage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Health component {@code db}, in place of Spring's (off in application.yml): DEGRADED, not DOWN, while the database
 * cannot be reached. The node still serves then: calls in progress go on, their audio is recorded and their finals
 * wait in the segment writer until the database returns; only new calls are refused (503 with Retry-After). DOWN
 * would take a node that is still carrying calls out of a load balancer or readiness probe, and with one shared
 * database every node would read DOWN at once.
 */
@Component("db")
public class DatabaseHealth implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED",
            "the database cannot be reached; calls in progress go on and their finals are written when it returns,"
                    + " new calls are refused with 503");

    /** Seconds {@link Connection#isValid} may take; the pool's own connection timeout bounds the wait before it. */
    private static final int VALID_TIMEOUT_S = 2;

    private final DataSource dataSource;

    public DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(VALID_TIMEOUT_S)) {
                return Health.up().withDetail("database", c.getMetaData().getDatabaseProductName()).build();
            }
            return Health.status(DEGRADED).withDetail("error", "the connection did not answer within "
                    + VALID_TIMEOUT_S + " s").build();
        } catch (SQLException | RuntimeException e) {
            return Health.status(DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
