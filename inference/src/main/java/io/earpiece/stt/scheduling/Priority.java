package io.earpiece.stt.scheduling;

/**
 * How urgent a decode is; the order of the constants is the order in which queued jobs are served. Everything but
 * {@link #FINAL} counts as a partial for the queue bound and may be dropped under load.
 */
public enum Priority {
    /** The decode of a finished utterance: never dropped. */
    FINAL,
    /** A decode of an utterance as it will end if its speaker stays silent, started during the VAD's hangover. */
    SPECULATIVE,
    /** A provisional re-decode of speech in progress: dropped first under load. */
    PARTIAL
}
