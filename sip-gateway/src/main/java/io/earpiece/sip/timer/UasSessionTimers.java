package io.earpiece.sip.timer;

import io.earpiece.sip.SipHeaderText;

import java.time.Duration;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.header.Header;
import javax.sip.message.Request;

/**
 * RFC 4028 on the legs Earpiece answers: an INVITE that supports timers and asks for an interval gets it (422 with
 * our Min-SE when it is shorter), with the caller as the refresher, since a bot leg never sends requests of its
 * own; its refreshes (re-INVITEs) re-arm the watch, and a leg not refreshed by a little before expiry is hung up
 * as dead. An INVITE that asks Earpiece to refresh ({@code refresher=uas}) or does not support timers gets none.
 * Used by the bot legs and by the B2BUA's incoming leg.
 */
public final class UasSessionTimers {

    /** The INVITE's interval is under our Min-SE. */
    public static final class TooSmall extends Exception {
        public final int minSe;

        TooSmall(int minSe) {
            super("Session interval too small (Min-SE " + minSe + ")");
            this.minSe = minSe;
        }
    }

    private final SessionTimerConfig config;
    private final ScheduledExecutorService scheduler;

    public UasSessionTimers(SessionTimerConfig config, ScheduledExecutorService scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    public int minSe() {
        return (int) config.minSe().toSeconds();
    }

    /**
     * The interval to agree for this (re-)INVITE, 0 for none.
     *
     * @throws TooSmall                  when it asks for less than our Min-SE (answer 422)
     * @throws SessionTimerParseException when its Session-Expires cannot be read (answer 400 with the reason)
     */
    public int agree(Request request) throws TooSmall, SessionTimerParseException {
        if (!config.enabled()) {
            return 0;
        }
        Header h = request.getHeader("Session-Expires");
        if (h == null) {
            h = request.getHeader("x");
        }
        if (h == null || !supportsTimer(request)) {
            return 0;
        }
        SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
        if (se.seconds() < minSe()) {
            throw new TooSmall(minSe());
        }
        return "uas".equals(se.refresher()) ? 0 : se.seconds();
    }

    /** Runs {@code expired} a little before the interval runs out (RFC 4028 10: 32 s or a third earlier). */
    public ScheduledFuture<?> watch(int seconds, Runnable expired) {
        Duration at = Duration.ofSeconds(seconds).minusSeconds(Math.min(32, seconds / 3));
        return scheduler.schedule(expired, at.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean supportsTimer(Request request) {
        for (String name : new String[] {"Supported", "k", "Require"}) {
            for (ListIterator<?> it = request.getHeaders(name); it.hasNext(); ) {
                for (String option : SipHeaderText.value((Header) it.next()).split(",")) {
                    if (option.trim().toLowerCase(Locale.ROOT).equals("timer")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
