package io.earpiece.console.crash;

import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.testing.PostgresServer;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseOutageIT} with a real PostgreSQL that is stopped ({@code pg_ctl stop -m fast}, connections cut) after
 * the first final of a call and started again only after the call ended: the finals spoken meanwhile are
 * journalled on disk and announced; nothing announced is lost, nothing is stored twice, the call is ENDED by its
 * hang-up and summarised. Then the shape: stopped for 60 s in the middle of five calls. Skipped without
 * PostgreSQL (fails under CI=true).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47800", "earpiece.rtp.port-max=47899",
        "earpiece.rtp.media-timeout=30s", "earpiece.data-dir=target/it-data/pg-outage",
        // five calls at once, all transcribed live (the admission would otherwise start lower on a small machine)
        "earpiece.live.capacity=16",
        "earpiece.segments.store.retry-max=1s", TestAuth.ADMIN_PASSWORD_PROPERTY,
        // A stopped server refuses at once, but a pool waiting 30 s per connection would hold health for as long.
        "spring.datasource.hikari.connection-timeout=2000"})
@Import(ReplayRecognizerConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class PostgresOutageIT {

    static final Path DATA = Path.of("target", "it-data", "pg-outage");
    static PostgresServer postgres;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    SegmentStoreRetry retry;
    @Autowired
    Spool spool;
    @LocalServerPort
    int httpPort;

    @BeforeAll
    static void startPostgres() throws Exception {
        PostgresServer.assumeAvailable("PostgresOutageIT skipped");
        postgres = PostgresServer.create(Path.of("target", "it-data", "pg-outage-db"));
    }

    /** Read when the context starts, after {@link #startPostgres()}. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl());
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresStoppedMidCallLosesAndDuplicatesNothing() throws Exception {
        scenarios().callEndsWhileTheDatabaseIsDown();
    }

    /**
     * The shape, at its length: PostgreSQL stopped for 60 s in the middle of five calls (2½-minute calls, so
     * they go on before, during and after; about four minutes of the suite).
     */
    @Test
    void postgresStoppedForAMinuteInTheMiddleOfFiveCalls(CapturedOutput output) throws Exception {
        scenarios().fiveCallsThroughAnOutage(Duration.ofSeconds(60), DATA);

        // A minute of outage is two lines of the outbox poll and two of the spool's drainer, not three lines of
        // Hibernate's for every failed poll and every retried final, nor a stack trace for every health request.
        // (A transaction that the stop cuts in flight may still leave one stack trace of Spring's, which names
        // Hibernate's classes among its frames: only Hibernate's own log lines count here.)
        assertThat(count(output.getAll(), "outbox poll failing")).isEqualTo(1);
        assertThat(count(output.getAll(), "outbox poll works again")).isEqualTo(1);
        assertThat(count(output.getAll(), "spooled writes wait for the database")).isEqualTo(1);
        assertThat(count(output.getAll(), "the database is back; writing")).isEqualTo(1);
        assertThat(output.getAll()).doesNotContainPattern("(?m)^\\S+ (WARN|ERROR) +\\[[^\\]]*\\] \\S*SqlExceptionHelper")
                .doesNotContain("health check failed");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private DatabaseOutageScenarios scenarios() {
        return new DatabaseOutageScenarios(httpPort, gateway.port(), recognizer, retry, spool,
                new DatabaseOutageScenarios.Database() {
                    @Override
                    public void down() throws Exception {
                        postgres.stop();
                    }

                    @Override
                    public void up() throws Exception {
                        postgres.start();
                    }
                });
    }
}
