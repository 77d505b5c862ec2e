package io.earpiece.db.call;

/** How a call's speech became its transcript. */
public enum CallTranscription {
    /** Transcribed as it was spoken. */
    LIVE,
    /** Recorded while the server was at capacity for live transcription; transcribed after the hang-up. */
    DEFERRED,
    /** A deferred call whose recordings have been transcribed and analysed. */
    AFTER_CALL,
    /** A deferred call whose after-call transcription failed; its recordings are kept. */
    FAILED
}
