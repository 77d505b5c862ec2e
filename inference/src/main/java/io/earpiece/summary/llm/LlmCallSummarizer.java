package io.earpiece.summary.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.action.DueDateResolver;
import io.earpiece.assist.llm.FallbackReason;
import io.earpiece.assist.llm.LlmGateway;
import io.earpiece.assist.llm.LlmUnavailableException;
import io.earpiece.assist.llm.TokenBudget;
import io.earpiece.assist.pii.PiiDetector;
import io.earpiece.names.PartyNames;
import io.earpiece.summary.CallSummarizer;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.SummaryEngine;
import io.earpiece.summary.SummaryOutcome;
import io.earpiece.summary.Utterance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The after-call summary written by a language model (through {@link LlmGateway}: JSON schema answer, token
 * budget, timeout), checked field by field, with the offline {@link CallSummarizer} behind it: a timeout, an
 * unreachable server, an over-budget transcript or an answer that fails the checks gives the offline summary and
 * the reason. The transcript is masked again before it leaves, so a segment stored unmasked never reaches the
 * model.
 */
public final class LlmCallSummarizer implements SummaryEngine {
    private static final Logger log = LoggerFactory.getLogger(LlmCallSummarizer.class);

    private final LlmGateway llm;
    private final CallSummarizer offline;
    private final SummaryAnswerReader reader;
    private final PiiDetector pii;
    private final String engine;

    public LlmCallSummarizer(LlmGateway llm, CallSummarizer offline, DueDateResolver dueResolver, PiiDetector pii) {
        this.llm = llm;
        this.offline = offline;
        this.reader = new SummaryAnswerReader(dueResolver);
        this.pii = pii;
        this.engine = "llm:" + llm.settings().provider().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public SummaryOutcome summarize(List<Utterance> transcript, List<AssistEvent> events, LocalDate callDate,
                                    PartyNames names) {
        // Computed first: it is the fallback, and its measured sentiment time line is kept either way.
        CallSummary fallback = offline.summarize(transcript, events, callDate, names);
        if (transcript.isEmpty()) {
            return SummaryOutcome.offline(fallback, null);
        }
        List<Utterance> masked = masked(transcript);
        try {
            JsonNode answer = llm.askJson(SummaryPrompt.SYSTEM, SummaryPrompt.user(masked, callDate, names),
                    SummaryPrompt.schema(SummaryPrompt.parties(masked)),
                    new TokenBudget(llm.settings().perCallTokenBudget()));
            CallSummary summary = reader.read(answer, transcript, fallback.sentiment(), callDate);
            return new SummaryOutcome(summary, engine, null);
        } catch (LlmUnavailableException e) {
            log.warn("model summary not used, offline summary instead: {}", e.getMessage());
            return SummaryOutcome.offline(fallback, e.reason());
        } catch (RuntimeException e) {
            log.warn("model summary failed, offline summary instead", e);
            return SummaryOutcome.offline(fallback, FallbackReason.UNAVAILABLE);
        }
    }

    @Override
    public boolean remote() {
        return true;
    }

    /** The engine name stored with the summaries this one writes ({@code llm:openai}, {@code llm:ollama}). */
    public String engine() {
        return engine;
    }

    private List<Utterance> masked(List<Utterance> transcript) {
        List<Utterance> out = new ArrayList<>(transcript.size());
        int unmasked = 0;
        for (Utterance u : transcript) {
            String text = pii.mask(u.text());
            if (!text.equals(u.text())) {
                unmasked++;
            }
            out.add(new Utterance(u.speaker(), u.startS(), u.endS(), text));
        }
        if (unmasked > 0) {
            // Stored segments are masked when written; this means one was not, which is a bug worth seeing.
            log.warn("{} transcript utterances still held personal data; masked before sending", unmasked);
        }
        return out;
    }
}
