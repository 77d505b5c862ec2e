package io.earpiece.stt.scheduling;

/** How urgent a decode is; the order of the constants is the order in which queued jobs are served. */
public enum Priority {
    /** The decode of a finished utterance: never dropped. */
    FINAL,
    /** A provisional re-decode of speech in progress: dropped first under load. */
    PARTIAL
}
