package io.earpiece.upload;

/** The steps an uploaded recording goes through, in order. */
public enum TranscriptionStage {
    DECODING, DIARIZING, TRANSCRIBING, ANALYSING, DONE
}
