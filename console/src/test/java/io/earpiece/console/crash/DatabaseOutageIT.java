package io.earpiece.console.crash;

import io.earpiece.console.call.SegmentStoreRetry;
import io.earpiece.console.spool.Spool;
import io.earpiece.console.testing.OutageDataSource;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The database goes away in the middle of a call (every new connection refused) and comes back: meanwhile health
 * reads DEGRADED and the finals are journalled on disk and announced; afterwards every utterance of both parties is
 * stored once, and every final the console was told about (during the outage too) is among them. When the call
 * ends during the outage, its end and summary are stored when the database returns; a new call meanwhile is refused
 * with 503 and Retry-After ({@link DatabaseOutageScenarios}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47700", "earpiece.rtp.port-max=47799",
        "earpiece.rtp.media-timeout=30s", "earpiece.data-dir=target/it-data/db-outage",
        "earpiece.segments.store.retry-max=500ms", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:dboutage;DB_CLOSE_DELAY=-1"})
class DatabaseOutageIT {

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    DataSource dataSource;
    @Autowired
    SegmentStoreRetry retry;
    @Autowired
    Spool spool;
    @LocalServerPort
    int httpPort;

    @TestConfiguration
    static class Outage {
        @Bean
        ReplaySpeechRecognizer replaySpeechRecognizer() {
            return new ReplaySpeechRecognizer();
        }

        @Bean
        static BeanPostProcessor outageSwitch() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? new OutageDataSource(ds) : bean;
                }
            };
        }
    }

    @Test
    void finalsSpokenWhileTheDatabaseIsDownAreStoredWhenItReturns() throws Exception {
        scenarios().finalsSpokenWhileTheDatabaseIsDown();
    }

    /** The end of the call, its legs' ends and its summary are retried like finals, not left ACTIVE. */
    @Test
    void aCallThatEndsWhileTheDatabaseIsDownIsStoredAsEnded() throws Exception {
        scenarios().callEndsWhileTheDatabaseIsDown();
    }

    /** Before: 500 "Media unavailable" with a stack trace (after the pool's wait, on a real database). */
    @Test
    void aNewCallWhileTheDatabaseIsDownIsRefusedWith503AndRetryAfter() throws Exception {
        scenarios().newCallWhileTheDatabaseIsDown();
    }

    private DatabaseOutageScenarios scenarios() {
        OutageDataSource outage = (OutageDataSource) dataSource;
        return new DatabaseOutageScenarios(httpPort, gateway.port(), recognizer, retry, spool,
                new DatabaseOutageScenarios.Database() {
                    @Override
                    public void down() {
                        outage.down();
                    }

                    @Override
                    public void up() {
                        outage.up();
                    }
                });
    }
}
