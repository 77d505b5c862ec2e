package io.earpiece.assist.llm;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.FinalSegment;
import io.earpiece.assist.SegmentDecorator;
import io.earpiece.assist.playbook.Playbook;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The LLM layer of the assist engine, installed with {@code engine.withDecorator(llmAssist)}: per call it keeps a
 * {@link TokenBudget}; on each segment it optionally extracts extra events ({@link LlmExtractor}, before cards are
 * planned, so a tag only the model saw can raise its card) and rewrites the playbook cards the segment raised
 * ({@link LlmCardWriter}). Compliance, coaching and knowledge cards are left as they are. Whatever fails, the
 * offline events and cards stand. Blocking: a segment waits at most about one timeout per LLM step.
 */
public final class LlmAssist implements SegmentDecorator {
    private final LlmCardWriter writer;
    private final LlmExtractor extractor;
    private final long perCallTokenBudget;
    private final Map<LlmResult.Origin, AtomicLong> byOrigin = new EnumMap<>(LlmResult.Origin.class);
    private final Map<FallbackReason, AtomicLong> byReason = new EnumMap<>(FallbackReason.class);

    /** Card text only; extraction stays offline. */
    public LlmAssist(LlmCardWriter writer, long perCallTokenBudget) {
        this(writer, null, perCallTokenBudget);
    }

    /** Card text and extraction; {@code extractor} may be null for card text only. */
    public LlmAssist(LlmCardWriter writer, LlmExtractor extractor, long perCallTokenBudget) {
        this.writer = writer;
        this.extractor = extractor;
        this.perCallTokenBudget = perCallTokenBudget;
        for (LlmResult.Origin o : LlmResult.Origin.values()) {
            byOrigin.put(o, new AtomicLong());
        }
        for (FallbackReason r : FallbackReason.values()) {
            byReason.put(r, new AtomicLong());
        }
    }

    @Override
    public CallDecorator startCall(Playbook playbook, String playbookVersion) {
        TokenBudget budget = new TokenBudget(perCallTokenBudget);
        return new CallDecorator() {
            @Override
            public List<AssistEvent> events(FinalSegment segment, List<AssistEvent> offline) {
                if (extractor == null) {
                    return offline;
                }
                return record(extractor.extract(segment, offline, budget));
            }

            @Override
            public List<Card> cards(FinalSegment segment, List<AssistEvent> events, List<Card> planned) {
                List<Card> out = new ArrayList<>(planned.size());
                for (Card card : planned) {
                    out.add(rewritable(card) ? record(writer.write(card, segment, playbookVersion, budget)) : card);
                }
                return out;
            }
        };
    }

    /** Counts since this was built: results by origin (LLM, CACHE, OFFLINE) and fallbacks by reason. */
    public Stats stats() {
        Map<LlmResult.Origin, Long> origins = new EnumMap<>(LlmResult.Origin.class);
        byOrigin.forEach((k, v) -> origins.put(k, v.get()));
        Map<FallbackReason, Long> reasons = new EnumMap<>(FallbackReason.class);
        byReason.forEach((k, v) -> reasons.put(k, v.get()));
        return new Stats(origins, reasons);
    }

    /** Counters of {@link #stats()}. */
    public record Stats(Map<LlmResult.Origin, Long> byOrigin, Map<FallbackReason, Long> fallbacks) {
        public Stats {
            byOrigin = Map.copyOf(byOrigin);
            fallbacks = Map.copyOf(fallbacks);
        }
    }

    private <T> T record(LlmResult<T> result) {
        byOrigin.get(result.origin()).incrementAndGet();
        if (result.fallback() != null) {
            byReason.get(result.fallback()).incrementAndGet();
        }
        return result.value();
    }

    private static boolean rewritable(Card card) {
        return Card.PLAYBOOK.equals(card.source()) && !card.trigger().startsWith("compliance:")
                && !card.trigger().startsWith("coaching:");
    }
}
