package io.earpiece.sip.stack;

import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * Routes JAIN-SIP's own logging to SLF4J (property {@code gov.nist.javax.sip.STACK_LOGGER}), so that the
 * stack never reaches for log4j 1.x, which is not on the class path.
 * The stack logs routine events (a dropped bad datagram) as errors, so its levels are shifted down by one.
 */
public final class Slf4jStackLogger implements StackLogger {
    private final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

    @Override
    public boolean isLoggingEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level <= LogLevels.TRACE_NONE) {
            return false;
        }
        if (level <= LogLevels.TRACE_FATAL) {
            return log.isErrorEnabled();
        }
        if (level <= LogLevels.TRACE_WARN) {
            return log.isWarnEnabled();
        }
        if (level <= LogLevels.TRACE_INFO) {
            return log.isDebugEnabled();
        }
        return log.isTraceEnabled();
    }

    @Override
    public void logStackTrace() {
        logStackTrace(LogLevels.TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int level) {
        if (isLoggingEnabled(level)) {
            log.trace("stack trace requested by JAIN-SIP", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.warn("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.trace(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.trace(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(message);
    }

    @Override
    public void logError(String message) {
        log.warn(message);
    }

    @Override
    public void logError(String message, Exception ex) {
        log.warn(message, ex);
    }

    @Override
    public void logWarning(String message) {
        log.warn(message);
    }

    @Override
    public void logInfo(String message) {
        log.debug(message);
    }

    @Override
    public void disableLogging() {
        // Levels are SLF4J configuration; the stack does not get to switch them.
    }

    @Override
    public void enableLogging() {
        // See disableLogging.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        log.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // Nothing to configure: SLF4J owns levels and appenders.
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
