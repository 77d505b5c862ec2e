package io.earpiece.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;
import javax.sip.SipStack;

/**
 * Logs SIP messages on the wire to SLF4J at debug level (property {@code gov.nist.javax.sip.SERVER_LOGGER}),
 * replacing the stack's file-based message log.
 */
public final class Slf4jServerLogger implements ServerLogger {
    private final Logger log = LoggerFactory.getLogger("io.earpiece.sip.wire");

    @Override
    public void closeLogFile() {
        // No file.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, status, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} -> {}{}\n{}", sender ? "sent" : "received", from, to,
                    status == null ? "" : " (" + status + ")", message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        log.warn("JAIN-SIP exception", ex);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // SLF4J owns configuration.
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // Messages carry everything logged.
    }
}
