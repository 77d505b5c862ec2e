package io.earpiece.sip.access;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.earpiece.sip.SipCounters;
import io.earpiece.sip.auth.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Refusals.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void everyRefusalIsCountedButEachReasonIsLoggedOncePerIntervalWithTheCountItSkipped() {
        SipCounters counters = new SipCounters();
        MutableClock clock = new MutableClock();
        Refusals refusals = new Refusals(counters, clock);

        for (int i = 0; i < 100; i++) {
            refusals.refused(Refusals.Reason.UNTRUSTED_SOURCE, "INVITE", "203.0.113.9", "not trusted");
        }
        refusals.refused(Refusals.Reason.SOURCE_QUOTA, "INVITE", "10.0.0.1", "quota");
        assertThat(counters.refused("untrusted_source")).isEqualTo(100);
        assertThat(counters.refused("source_quota")).isEqualTo(1);
        assertThat(lines.list).hasSize(2);

        clock.advance(Refusals.LOG_INTERVAL.plus(Duration.ofSeconds(1)));
        refusals.refused(Refusals.Reason.UNTRUSTED_SOURCE, "INVITE", "203.0.113.9", "not trusted");
        assertThat(lines.list).hasSize(3);
        assertThat(lines.list.get(2).getFormattedMessage()).contains("99 more untrusted_source refusals");
    }
}
