package io.earpiece.sip.stack;

import com.code_intelligence.jazzer.junit.FuzzTest;
import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.earpiece.sip.SipCounters;

import java.text.ParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UDP datagram on the SIP port goes through {@link GuardedMessageParser}: it yields a message or throws
 * {@link ParseException} (the stack's own 400 path), never a runtime exception that would end up as the stack's
 * stack trace. Seeds in {@code GuardedMessageParserFuzzTestInputs/parse}; fuzzing reaches into JAIN-SIP's
 * parser when run with {@code -Djazzer.instrumentation_includes=gov.nist.**:io.earpiece.**}.
 */
class GuardedMessageParserFuzzTest {

    static {
        // What the stack does with SipGateway's STACK_LOGGER: without it JAIN-SIP's parser reaches for log4j.
        CommonLogger.legacyLogger = new Slf4jStackLogger();
        CommonLogger.useLegacyLogger = true;
    }

    private final SipCounters counters = new SipCounters();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] datagram) {
        GuardedMessageParser parser = new GuardedMessageParser(new StringMsgParser(), counters, "X-Earpiece-Reject");
        try {
            SIPMessage message = parser.parseSIPMessage(datagram, true, false, null);
            if (message != null) {
                // The stack encodes what it parsed for logs and transaction keys; that must not fail either.
                assertThat(message.encode()).isNotNull();
            }
        } catch (ParseException refused) {
            assertThat(refused.getMessage()).isNotNull();
        }
    }
}
