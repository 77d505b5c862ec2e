package io.earpiece.console.storage;

import io.earpiece.assist.SegmentOutcome;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.spool.SpoolRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseHealthTest {

    @TempDir
    Path dir;

    @Test
    void degradedWhileJournalledFinalsWaitEvenWithTheDatabaseBack() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health;DB_CLOSE_DELAY=-1");
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            DatabaseHealth health = new DatabaseHealth(h2, spool);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            spool.append(new SpoolRecord.Final("c1", "rep", 0, 0, 900, "hello", 0,
                    new SegmentOutcome(List.of(), List.of())));
            Health waiting = health.health();
            assertThat(waiting.getStatus()).isEqualTo(DatabaseHealth.DEGRADED);
            assertThat(waiting.getDetails()).containsEntry("spooled", 1).containsKey("database");

            spool.written(spool.next(Duration.ZERO).orElseThrow());
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void degradedWithTheErrorWhileTheDatabaseCannotBeReached() throws Exception {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:1/none");
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            Health down = new DatabaseHealth(nowhere, spool).health();
            assertThat(down.getStatus()).isEqualTo(DatabaseHealth.DEGRADED);
            assertThat(down.getDetails()).containsKey("error").doesNotContainKey("spooled");
        }
    }
}
