package io.earpiece.summary;

import io.earpiece.assist.llm.FallbackReason;
import java.util.Objects;

/**
 * A summary and where it came from: {@code engine} is {@value #OFFLINE} or {@code llm:PROVIDER}; when a model
 * was configured but the offline summary was used, {@code fallback} says why (null otherwise).
 */
public record SummaryOutcome(CallSummary summary, String engine, FallbackReason fallback) {
    /** The engine name of the offline summarizer. */
    public static final String OFFLINE = "offline";

    public SummaryOutcome {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(engine, "engine");
    }

    /** The offline summary, with the reason a configured model's was not used (null when none was asked). */
    public static SummaryOutcome offline(CallSummary summary, FallbackReason fallback) {
        return new SummaryOutcome(summary, OFFLINE, fallback);
    }
}
