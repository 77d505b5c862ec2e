package io.earpiece.stt.scheduling;

/**
 * How urgent a decode is; the order of the constants is the order in which queued jobs are served. {@link #PARTIAL}
 * and {@link #SPECULATIVE} count as partials for the queue bound and may be dropped under load; {@link #FINAL} and
 * {@link #BACKGROUND} are never dropped.
 */
public enum Priority {
    /** The decode of a finished utterance: never dropped. */
    FINAL,
    /** A decode of an utterance as it will end if its speaker stays silent, started during the VAD's hangover. */
    SPECULATIVE,
    /** A provisional re-decode of speech in progress: dropped first under load. */
    PARTIAL,
    /**
     * After-call work (a deferred call's transcript): runs only when no live job waits, on all workers but one, and
     * only while the live decodes leave room, until its {@link RecognitionTask#yieldUntilNanos}; never dropped.
     */
    BACKGROUND
}
