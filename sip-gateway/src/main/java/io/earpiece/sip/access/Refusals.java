package io.earpiece.sip.access;

import io.earpiece.sip.SipCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts each request refused by policy and logs it, at most once per {@link #LOG_INTERVAL} per reason: a prober
 * or a misconfigured PBX sends thousands, and one line with a count is what an operator can read.
 */
public final class Refusals {
    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    /** Why a request was refused; {@link #tag()} is the metric tag. */
    public enum Reason {
        /** A bot-leg INVITE from an address not in the trusted sources, without (good) credentials. */
        UNTRUSTED_SOURCE,
        /** A bot-leg INVITE whose digest credentials were wrong, replayed or malformed. */
        BAD_CREDENTIALS,
        /** A source already has its quota of concurrent bot legs. */
        SOURCE_QUOTA,
        /** A source sent new INVITEs or REGISTERs faster than the flood limit. */
        FLOOD;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final SipCounters counters;
    private final Clock clock;
    private final Map<Reason, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final Map<Reason, AtomicLong> unlogged = new ConcurrentHashMap<>();

    public Refusals(SipCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** Counts a refusal, and logs it unless this reason was logged less than the interval ago. */
    public void refused(Reason reason, String method, String source, String detail) {
        counters.requestRefused(reason.tag());
        AtomicLong suppressed = unlogged.computeIfAbsent(reason, r -> new AtomicLong());
        AtomicLong last = lastLogged.computeIfAbsent(reason, r -> new AtomicLong(Long.MIN_VALUE));
        long now = clock.millis();
        long prev = last.get();
        if (prev != Long.MIN_VALUE && now - prev < LOG_INTERVAL.toMillis() || !last.compareAndSet(prev, now)) {
            suppressed.incrementAndGet();
            return;
        }
        long more = suppressed.getAndSet(0);
        log.warn("refused {} from {}: {}{}", method, source, detail,
                more == 0 ? "" : " (" + more + " more " + reason.tag() + " refusals since the last such line)");
    }
}
