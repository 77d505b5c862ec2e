package io.earpiece.stt;

/** Turns one party's audio stream into transcript segments. */
public interface SpeechToText {

    /** Starts a session for one party of one call; segments go to {@code listener}. */
    TranscriptionSession open(String callId, String party, SegmentListener listener);
}
