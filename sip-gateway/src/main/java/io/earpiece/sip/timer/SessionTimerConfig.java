package io.earpiece.sip.timer;

import java.time.Duration;

/**
 * RFC 4028 session timers on Earpiece's bot legs: the calls it places and the calls it answers.
 *
 * @param sessionExpires the interval asked for in {@code Session-Expires} on calls Earpiece places; zero turns
 *                       timers off on both (no header sent, none agreed: calls kept up by BYE and the media timeout)
 * @param minSe          the smallest interval accepted ({@code Min-SE}); RFC 4028 sets 90 s as the floor for
 *                       real peers, tests go lower
 */
public record SessionTimerConfig(Duration sessionExpires, Duration minSe) {

    public SessionTimerConfig {
        if (sessionExpires.isNegative() || minSe.isNegative()) {
            throw new IllegalArgumentException("session timer durations must not be negative");
        }
        if (!sessionExpires.isZero() && sessionExpires.compareTo(minSe) < 0) {
            throw new IllegalArgumentException("session-expires (" + sessionExpires.toSeconds()
                    + " s) is below min-se (" + minSe.toSeconds() + " s)");
        }
    }

    public boolean enabled() {
        return !sessionExpires.isZero();
    }
}
