package io.earpiece.sip.b2bua;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How an inbound call rings a rep: every registered device at once, the first answer taking the call, for at most
 * {@code noAnswer}; then, or when every device is busy or declines, the call goes to the rep's fallback.
 *
 * @param noAnswer  how long the rep's devices ring before the call moves on to the fallback (or, without one, the
 *                  caller gets 480); zero rings until the caller or carrier gives up
 * @param fallbacks each rep's fallback, by rep user name
 * @param fallback  the fallback of reps not in {@code fallbacks}; null for none
 */
public record RingConfig(Duration noAnswer, Map<String, RingFallback> fallbacks, RingFallback fallback) {

    /** Rings until the caller gives up, no fallback: what the B2BUA did before forking. */
    public static final RingConfig NONE = new RingConfig(Duration.ZERO, Map.of(), null);

    public RingConfig {
        if (noAnswer == null || noAnswer.isNegative()) {
            throw new IllegalArgumentException("noAnswer must be zero or positive");
        }
        fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
    }

    /** The fallback for calls to {@code rep}, if any. */
    public Optional<RingFallback> fallbackFor(String rep) {
        return Optional.ofNullable(fallbacks.getOrDefault(rep, fallback));
    }
}
