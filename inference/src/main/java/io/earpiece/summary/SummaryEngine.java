package io.earpiece.summary;

import io.earpiece.assist.AssistEvent;
import io.earpiece.names.PartyNames;
import java.time.LocalDate;
import java.util.List;

/** Turns a finished call into its summary and says which engine produced it. */
public interface SummaryEngine {
    /**
     * Summarizes one call. {@code events} refer to utterances by their index in {@code transcript}; due phrases
     * are resolved against {@code callDate}.
     */
    SummaryOutcome summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate,
                             PartyNames names);

    /** {@link #summarize(List, List, LocalDate, PartyNames)} with every party by its role. */
    default SummaryOutcome summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate) {
        return summarize(transcript, events, callDate, PartyNames.NONE);
    }

    /**
     * Whether a summary may wait on the network (a model server): callers then keep it off threads that other
     * calls wait on.
     */
    default boolean remote() {
        return false;
    }

    /** The offline summarizer alone: milliseconds, no network. */
    static SummaryEngine offline(CallSummarizer summarizer) {
        return (transcript, events, callDate, names) ->
                SummaryOutcome.offline(summarizer.summarize(transcript, events, callDate, names), null);
    }
}
