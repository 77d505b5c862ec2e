package io.earpiece.summary;

import io.earpiece.assist.AssistEvent;
import java.time.LocalDate;
import java.util.List;

/** Turns a finished call into its summary and says which engine produced it. */
public interface SummaryEngine {
    /**
     * Summarizes one call. {@code events} refer to utterances by their index in {@code transcript}; due phrases
     * are resolved against {@code callDate}.
     */
    SummaryOutcome summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate);

    /**
     * Whether a summary may wait on the network (a model server): callers then keep it off threads that other
     * calls wait on.
     */
    default boolean remote() {
        return false;
    }

    /** The offline summarizer alone: milliseconds, no network. */
    static SummaryEngine offline(CallSummarizer summarizer) {
        return (transcript, events, callDate) ->
                SummaryOutcome.offline(summarizer.summarize(transcript, events, callDate), null);
    }
}
