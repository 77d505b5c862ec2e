package io.earpiece.console.storage;

import io.earpiece.console.spool.Spool;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Health component {@code db}, in place of Spring's (off in application.yml): DEGRADED, not DOWN, while the database
 * cannot be reached, and after it returns until the finals journalled meanwhile are written ({@code spooled} in the
 * details; {@code spool: full} while the journal refuses records and finals wait in memory, unannounced). The node
 * still serves then: calls in progress go on, their audio is recorded and their finals are journalled on disk and
 * announced, and written when the database returns; only new calls are refused (503 with Retry-After). DOWN
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
    private final Spool spool;

    public DatabaseHealth(DataSource dataSource, Spool spool) {
        this.dataSource = dataSource;
        this.spool = spool;
    }

    @Override
    public Health health() {
        Health.Builder health = database();
        int spooled = spool.pending();
        if (spooled > 0) {
            health.status(DEGRADED).withDetail("spooled", spooled);
        }
        if (spool.full()) {
            health.status(DEGRADED).withDetail("spool", "full");
        }
        return health.build();
    }

    private Health.Builder database() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(VALID_TIMEOUT_S)) {
                return Health.up().withDetail("database", c.getMetaData().getDatabaseProductName());
            }
            return Health.status(DEGRADED).withDetail("error", "the connection did not answer within "
                    + VALID_TIMEOUT_S + " s");
        } catch (SQLException | RuntimeException e) {
            return Health.status(DEGRADED).withDetail("error", String.valueOf(e.getMessage()));
        }
    }
}
