package io.earpiece.diarize;

import io.earpiece.stt.vad.VadSettings;

import java.util.Objects;

/**
 * Tuning of the {@link Diarizer}.
 *
 * @param channelVad         segmenter settings per channel of a two-channel recording (one speaker per channel)
 * @param monoVad            segmenter settings for a mono mix; a shorter hangover than live transcription so that
 *                           the pause between two speakers' turns ends a segment
 * @param speakers           number of speakers in a mono recording, or 0 to let BIC decide
 * @param maxSpeakers        upper bound when BIC decides
 * @param bicPenalty         weight of the BIC model-size term for merging clusters and accepting speaker changes
 * @param minClusterMs       voiced speech a segment needs to seed clustering; shorter ones are assigned afterwards
 * @param minChangeSideMs    voiced speech needed on both sides of a speaker change found inside a segment
 * @param mergeGapMs         neighbouring turns of the same speaker this close are reported as one turn
 * @param identicalCorrelation channels correlated at least this much are one recording duplicated, treated as mono
 * @param turnObservationMs  voiced speech that counts as one independent observation of who speaks, when two parties'
 *                           pieces are decoded in time order against their habit of taking turns
 */
public record DiarizationSettings(VadSettings channelVad, VadSettings monoVad, int speakers, int maxSpeakers,
                                  double bicPenalty, long minClusterMs, long minChangeSideMs, long mergeGapMs,
                                  double identicalCorrelation, long turnObservationMs) {

    public DiarizationSettings {
        Objects.requireNonNull(channelVad, "channelVad");
        Objects.requireNonNull(monoVad, "monoVad");
        if (speakers < 0 || maxSpeakers < 1 || (speakers > 0 && speakers > maxSpeakers)) {
            throw new IllegalArgumentException("speakers must be 0 (automatic) or 1.." + maxSpeakers + ": " + speakers);
        }
        if (bicPenalty <= 0 || minClusterMs <= 0 || minChangeSideMs <= 0 || mergeGapMs < 0 || turnObservationMs < 10) {
            throw new IllegalArgumentException("bad diarization settings: " + this);
        }
    }

    /**
     * Two speakers (a phone call). The BIC weight 2.0 and the 3 s minimum per side of a change were chosen on the
     * four dev calls that rendered then (weight 0.5/1.0 confused one utterance of one call; 1.5 s sides split turns).
     */
    /*
     * The mono segmenter keeps 300 ms of audio after the last voiced frame, as the live one does: a voice decays
     * below the threshold before the word ends, and a turn cut at the threshold missed that speech (on the
     * module's own scripts in three formats the DER fell from 5.1 % to 1.4 % with 300 ms instead of 150 ms).
     * One observation of who speaks per 600 ms of voiced speech (a word or two), in the middle of what works on the
     * module's own scripts in three formats: with 500 and 667 ms every script is within 3.3 % DER, with 1 s one MP3
     * call splits by time (10.0 %), with 400 ms two rapid-turn calls keep short answers with the asker (18.4 %).
     */
    public static DiarizationSettings defaults() {
        return new DiarizationSettings(VadSettings.defaults(), new VadSettings(-45.0, 60, 450, 0, 300, 60_000),
                2, 4, 2.0, 1_000, 3_000, 0, 0.98, 600);
    }
}
