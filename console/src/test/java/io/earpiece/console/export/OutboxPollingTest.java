package io.earpiece.console.export;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.plugins.export.outbox.InMemoryOutboxStore;
import io.earpiece.plugins.export.outbox.OutboxJob;
import io.earpiece.plugins.export.outbox.OutboxStore;
import io.earpiece.plugins.export.outbox.OutboxWorker;
import io.earpiece.plugins.export.outbox.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A database outage makes every poll fail: one line when it starts, one when it ends, every failed poll counted. */
class OutboxPollingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(OutboxPolling.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlakyStore store = new FlakyStore();
    private OutboxPolling polling;

    @BeforeEach
    void start() {
        lines.start();
        logger.addAppender(lines);
        OutboxWorker worker = new OutboxWorker(store, List.of(), new RetryPolicy(Duration.ofSeconds(1),
                Duration.ofMinutes(1), 3, new SplittableRandom(1)), Clock.systemUTC(), 20, Duration.ofMinutes(2));
        polling = new OutboxPolling(worker, properties(), new OutageLogs(registry));
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsAndEveryFailedPollCounted() {
        polling.poll();
        assertThat(lines.list).isEmpty();

        store.down = true;
        for (int i = 0; i < 40; i++) {
            polling.poll();
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage())
                .startsWith("outbox poll failing: org.springframework.transaction.CannotCreateTransactionException")
                .contains("cause: java.net.ConnectException: Connection refused")
                .contains("logged again when it works");
        assertThat(lines.list.get(0).getThrowableProxy()).as("no stack trace").isNull();
        assertThat(failures()).isEqualTo(40.0);

        store.down = false;
        polling.poll();
        polling.poll();
        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage()).startsWith("outbox poll works again after 40 failed runs");

        store.down = true;
        polling.poll();
        assertThat(lines.list).as("a second outage is a new line").hasSize(3);
        assertThat(failures()).isEqualTo(41.0);
    }

    private double failures() {
        return registry.get("earpiece.task.failures").tag("task", "outbox poll").counter().count();
    }

    /** The outbox table, unreachable while {@code down}, as Spring reports a refused database connection. */
    private static final class FlakyStore implements OutboxStore {
        private final InMemoryOutboxStore jobs = new InMemoryOutboxStore();
        volatile boolean down;

        @Override
        public List<OutboxJob> claimDue(Instant now, int limit, Duration lease) {
            if (down) {
                throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new java.net.ConnectException("Connection refused"));
            }
            return jobs.claimDue(now, limit, lease);
        }

        @Override
        public void markDelivered(String jobId, String detail, Instant at) {
            jobs.markDelivered(jobId, detail, at);
        }

        @Override
        public void reschedule(String jobId, int attempts, Instant dueAt, String reason) {
            jobs.reschedule(jobId, attempts, dueAt, reason);
        }

        @Override
        public void markFailed(String jobId, int attempts, String reason, Instant at) {
            jobs.markFailed(jobId, attempts, reason, at);
        }

        @Override
        public boolean replay(String jobId, Instant now) {
            return jobs.replay(jobId, now);
        }
    }

    private static ExportProperties properties() {
        return new ExportProperties(new ExportProperties.HubSpot(URI.create("https://api.hubapi.com"), ""),
                new ExportProperties.Salesforce(URI.create("https://login.salesforce.com"), "", "", "", "v62.0"),
                new ExportProperties.Pipedrive("", ""), new ExportProperties.Slack(""), List.of(),
                new ExportProperties.Worker(true, Duration.ofMillis(250), 20, Duration.ofMinutes(2),
                        Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofSeconds(10)), "to");
    }
}
