package io.earpiece.plugins.export.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.InMemoryDeliveryLedger;
import io.earpiece.plugins.export.hubspot.FakeHubSpot;
import io.earpiece.plugins.export.hubspot.HubSpotConfig;
import io.earpiece.plugins.export.hubspot.HubSpotExporter;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.stub.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The outbox against a stateful HubSpot stand-in: failures, a crash mid-delivery, permanent errors, 429. */
class OutboxWorkerTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T15:00:00Z"));
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 8,
            new SplittableRandom(3));
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private FakeHubSpot hubspot;

    @BeforeEach
    void start() throws Exception {
        hubspot = new FakeHubSpot();
        store.enqueue(OutboxJob.of("job-1", "hubspot", Fixtures.call(), clock.instant()));
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    private HubSpotExporter hubspotExporter(DeliveryLedger ledger) {
        return new HubSpotExporter(new HubSpotConfig(hubspot.server.baseUri(), Secret.of(FakeHubSpot.TOKEN)),
                Fixtures.http(), ledger);
    }

    private OutboxWorker worker(Exporter exporter) {
        return new OutboxWorker(store, List.of(exporter), policy, clock, 10, LEASE);
    }

    private OutboxEntry job() {
        return store.find("job-1").orElseThrow();
    }

    /** Runs the worker, jumping the clock to each retry, until the job leaves PENDING. */
    private void drain(OutboxWorker worker) {
        for (int round = 0; round < 20 && job().state() == OutboxState.PENDING; round++) {
            clock.set(max(clock.instant(), job().job().dueAt()));
            worker.runOnce();
        }
    }

    @Test
    void failingFirstDeliveriesEndWithEachNoteAndTaskExactlyOnce() {
        hubspot.failCreatesAfterStoring.set(3);

        drain(worker(hubspotExporter(new InMemoryDeliveryLedger())));

        assertThat(job().state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(job().job().attempts()).isEqualTo(3);
        assertThat(hubspot.notes).hasSize(1);
        assertThat(hubspot.tasks).hasSize(2);
    }

    @Test
    void crashMidDeliveryThenRestartLosesNothingAndDuplicatesNothing() {
        // The process dies right after HubSpot created the first task, before our ledger write.
        DeliveryLedger dying = new DeliveryLedger() {
            private final InMemoryDeliveryLedger inner = new InMemoryDeliveryLedger();

            @Override
            public Optional<String> find(String key, String step) {
                return inner.find(key, step);
            }

            @Override
            public void record(String key, String step, String id) {
                if (step.equals("task:0")) {
                    throw new ProcessDeath();
                }
                inner.record(key, step, id);
            }
        };
        assertThatThrownBy(() -> worker(hubspotExporter(dying)).runOnce()).isInstanceOf(ProcessDeath.class);
        assertThat(hubspot.tasks).hasSize(1);

        // Restart: new worker and exporter, the in-memory ledger is gone; the store survived.
        OutboxWorker restarted = worker(hubspotExporter(new InMemoryDeliveryLedger()));
        assertThat(restarted.runOnce()).as("still leased to the dead worker").isZero();
        clock.advance(LEASE);
        drain(restarted);

        assertThat(job().state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(hubspot.notes).hasSize(1);
        assertThat(hubspot.tasks).hasSize(2);
    }

    @Test
    void badRequestIsRecordedAsPermanentFailureAndCanBeReplayed() {
        hubspot.rejectNext.set(1);
        OutboxWorker worker = worker(hubspotExporter(new InMemoryDeliveryLedger()));

        worker.runOnce();

        assertThat(job().state()).isEqualTo(OutboxState.FAILED);
        assertThat(job().lastOutcome()).contains("HTTP 400").contains("VALIDATION_ERROR");
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce()).isZero();

        assertThat(store.replay("job-1", clock.instant())).isTrue();
        worker.runOnce();
        assertThat(job().state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(hubspot.notes).hasSize(1);
    }

    @Test
    void aHubSpotContactThatCannotBeFoundFailsTheJobWithTheReasonAndALogLine() {
        hubspot.noContacts.set(true);
        Logger logger = (Logger) LoggerFactory.getLogger(OutboxWorker.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            worker(hubspotExporter(new InMemoryDeliveryLedger())).runOnce();
        } finally {
            logger.detachAppender(lines);
        }

        assertThat(job().state()).isEqualTo(OutboxState.FAILED);
        assertThat(job().lastOutcome()).contains("no contact found with e-mail dana@example.com");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).startsWith("export job-1 of call call-42 to hubspot failed")
                    .contains(job().lastOutcome());
        });
    }

    @Test
    void rateLimitRetryAfterIsHonoured() {
        hubspot.rateLimitNext.set(1);
        OutboxWorker worker = worker(hubspotExporter(new InMemoryDeliveryLedger()));
        Instant start = clock.instant();

        worker.runOnce();

        assertThat(job().state()).isEqualTo(OutboxState.PENDING);
        assertThat(job().job().dueAt()).isEqualTo(start.plusSeconds(7));
        clock.advance(Duration.ofSeconds(6));
        assertThat(worker.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.runOnce()).isOne();
        assertThat(job().state()).isEqualTo(OutboxState.DELIVERED);
    }

    @Test
    void givesUpAfterMaxAttemptsAndUnknownExporterFailsAtOnce() {
        Exporter down = new Exporter() {
            @Override
            public String name() {
                return "hubspot";
            }

            @Override
            public DeliveryResult deliver(CallExport export, String key) {
                return DeliveryResult.retryable("connection refused");
            }
        };
        drain(worker(down));
        assertThat(job().state()).isEqualTo(OutboxState.FAILED);
        assertThat(job().job().attempts()).isEqualTo(8);
        assertThat(job().lastOutcome()).startsWith("gave up after 8 attempts");

        store.enqueue(OutboxJob.of("job-2", "nowhere", Fixtures.call(), clock.instant()));
        worker(down).runOnce();
        assertThat(store.find("job-2").orElseThrow().state()).isEqualTo(OutboxState.FAILED);
    }

    @Test
    void anExporterServingAFamilyOfTargetsGetsEachOfItsJobsWithItsKey() {
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        Exporter family = new Exporter() {
            @Override
            public String name() {
                return "routing";
            }

            @Override
            public boolean handles(String target) {
                return target.startsWith("routing:");
            }

            @Override
            public DeliveryResult deliver(CallExport export, String key) {
                keys.add(key);
                return DeliveryResult.delivered("sent " + key);
            }
        };
        store.enqueue(new OutboxJob("r0", "routing:0", "routed/a", Fixtures.call(), 0, clock.instant()));
        store.enqueue(new OutboxJob("r1", "routing:1", "routed/b", Fixtures.call(), 0, clock.instant()));
        store.enqueue(new OutboxJob("r2", "routingx", "routed/c", Fixtures.call(), 0, clock.instant()));
        worker(family).runOnce();
        assertThat(keys).containsExactlyInAnyOrder("routed/a", "routed/b");
        assertThat(store.find("r0").orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(store.find("r2").orElseThrow().lastOutcome()).isEqualTo("no exporter named routingx");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Stands for the JVM stopping: an Error no worker code catches. */
    private static final class ProcessDeath extends Error {
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            now = t;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
