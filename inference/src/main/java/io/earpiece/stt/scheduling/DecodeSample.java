package io.earpiece.stt.scheduling;

/**
 * Timing of one finished decode.
 *
 * @param queuedMs        time the job waited in the queue
 * @param decodeMs        time the decode (and delivery) ran
 * @param realTimeFactor  {@code decodeMs / audioMs}: below 1 is faster than real time
 */
public record DecodeSample(Priority priority, String callId, long audioMs, double queuedMs, double decodeMs,
                           double realTimeFactor) {
}
