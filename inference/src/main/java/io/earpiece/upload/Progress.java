package io.earpiece.upload;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a batch job is.
 *
 * @param stage   the step running now
 * @param percent 0..100 of the whole job (transcription dominates, so it carries most of the range)
 * @param eta     estimated time left, once the transcription rate is known
 */
public record Progress(TranscriptionStage stage, int percent, Optional<Duration> eta) {
}
