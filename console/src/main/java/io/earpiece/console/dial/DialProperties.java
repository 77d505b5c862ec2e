package io.earpiece.console.dial;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Dialling into conference bridges ({@code POST /api/calls/dial}), bound from {@code earpiece.dial.*}.
 *
 * @param promptSilence  silence after the bridge's prompt that ends it (800 ms: longer than the pauses between a
 *                       prompt's words, shorter than any bridge waits for the PIN)
 * @param speechLevel    frame level in dBFS above which the bridge is speaking (-40 dBFS: well above line noise,
 *                       well below a prompt)
 * @param maxPromptWait  the longest wait for a prompt to end before the PIN goes anyway (a bridge playing music);
 *                       a request's {@code pinDelay} replaces it
 * @param toneLength     how long each PIN key sounds (120 ms; Q.24 asks for 40 ms at least)
 * @param toneGap        silence between keys (80 ms)
 */
@ConfigurationProperties("earpiece.dial")
public record DialProperties(@DefaultValue("800ms") Duration promptSilence,
                             @DefaultValue("-40") double speechLevel,
                             @DefaultValue("20s") Duration maxPromptWait,
                             @DefaultValue("120ms") Duration toneLength,
                             @DefaultValue("80ms") Duration toneGap) {
}
