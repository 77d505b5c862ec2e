package io.earpiece.console.summary;

import io.earpiece.console.export.ExportOutbox;
import io.earpiece.console.routing.CallRouter;
import io.earpiece.console.upload.SpeakerNames;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.summary.ActionItemEntity;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.summary.DecisionEntity;
import io.earpiece.db.summary.DecisionRepository;
import io.earpiece.db.summary.ObjectionEntity;
import io.earpiece.db.summary.ObjectionRepository;
import io.earpiece.db.summary.QuestionEntity;
import io.earpiece.db.summary.QuestionRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.summary.ActionItem;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.Decision;
import io.earpiece.summary.Objection;
import io.earpiece.summary.Question;
import io.earpiece.summary.SentimentPoint;
import io.earpiece.summary.SummaryEngine;
import io.earpiece.summary.SummaryOutcome;
import io.earpiece.summary.SummaryTextRenderer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Summarises a finished call from what is stored (transcript and assist insights), stores the summary and its
 * parts, and queues the call's exports in the same transaction: either all of it is committed or none, so an
 * export can never be lost between the summary and the outbox. The engine runs between the read and the write,
 * outside any transaction, so a model request never holds a database connection. The team's routing rules are
 * matched in the same transaction, so a routed message is queued exactly when the summary is stored.
 */
@Service
public class CallSummaries {

    /** The summary_text column's size. */
    private static final int SUMMARY_TEXT_MAX = 16_000;

    private final CallRepository calls;
    private final TranscriptSegmentRepository segments;
    private final InsightRepository insights;
    private final SummaryRepository summaries;
    private final ActionItemRepository actions;
    private final ObjectionRepository objections;
    private final QuestionRepository questions;
    private final DecisionRepository decisions;
    private final SummaryEngine engine;
    private final SummaryTextRenderer renderer;
    private final ExportOutbox outbox;
    private final CallRouter router;
    private final SummaryProperties properties;
    private final SpeakerNames names;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final Clock clock;

    public CallSummaries(CallRepository calls, TranscriptSegmentRepository segments, InsightRepository insights,
                         SummaryRepository summaries, ActionItemRepository actions, ObjectionRepository objections,
                         QuestionRepository questions, DecisionRepository decisions, SummaryEngine engine,
                         SummaryTextRenderer renderer, ExportOutbox outbox, CallRouter router,
                         SummaryProperties properties, SpeakerNames names,
                         PlatformTransactionManager transactions) {
        this.names = names;
        this.calls = calls;
        this.segments = segments;
        this.insights = insights;
        this.summaries = summaries;
        this.actions = actions;
        this.objections = objections;
        this.questions = questions;
        this.decisions = decisions;
        this.engine = engine;
        this.renderer = renderer;
        this.outbox = outbox;
        this.router = router;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    /**
     * What the engine needs, read in one transaction: the call's parties as the summary names them too, and as the
     * exports and routed messages list them.
     */
    private record Input(CallEntity call, StoredTranscript transcript, LocalDate callDate,
                         SpeakerNames.SummaryParties parties, List<SpeakerNames.PartyName> partyNames) {
    }

    /** Summarises and stores the call once; false when it is unknown or already summarised. */
    public boolean summarise(String callId) {
        Input input = readOnly.execute(status -> read(callId));
        if (input == null) {
            return false;
        }
        SummaryOutcome outcome = engine.summarize(input.transcript().utterances(), input.transcript().events(),
                input.callDate(), input.parties().names());
        return Boolean.TRUE.equals(readWrite.execute(status -> store(input, outcome)));
    }

    /** Whether summaries may wait on a model server (callers keep them off shared threads then). */
    public boolean remote() {
        return engine.remote();
    }

    private Input read(String callId) {
        if (summaries.existsById(callId)) {
            return null;
        }
        CallEntity call = calls.findById(callId).orElse(null);
        if (call == null) {
            return null;
        }
        SpeakerNames.SummaryParties parties = names.summaryParties(callId);
        StoredTranscript transcript = StoredTranscript.of(segments.findByCallIdOrderByStartMsAscIdAsc(callId),
                insights.findByCallIdOrderByUtteranceAscIdAsc(callId), parties::party);
        return new Input(call, transcript, call.getStartedAt().atZone(properties.zone()).toLocalDate(), parties,
                names.parties(callId).orElse(List.of()));
    }

    private boolean store(Input input, SummaryOutcome outcome) {
        String callId = input.call().getId();
        // Another thread may have stored it while the engine ran.
        if (summaries.existsById(callId)) {
            return false;
        }
        CallSummary summary = outcome.summary();
        LocalDate callDate = input.callDate();
        String text = fit(renderer.render(summary, input.parties().names()), SUMMARY_TEXT_MAX);
        SummaryEntity entity = new SummaryEntity(callId, callDate, summary.type().label(), summary.priority().label(),
                summary.abstractText(), text, summary.sentiment().label(), summary.sentiment().overall(),
                summary.sentiment().opening(), summary.sentiment().closing(),
                timeline(summary.sentiment().timeline()), outcome.engine(), clock.instant());
        entity.setEngineFallback(outcome.fallback() == null ? null
                : outcome.fallback().name().toLowerCase(Locale.ROOT));
        summaries.save(entity);
        // The items reference the summary row: it must be inserted first.
        summaries.flush();
        List<ActionItem> a = summary.actionItems();
        for (int i = 0; i < a.size(); i++) {
            actions.save(new ActionItemEntity(callId, i, a.get(i).utterance(), a.get(i).owner(), a.get(i).what(),
                    a.get(i).due(), a.get(i).dueDate()));
        }
        List<Objection> o = summary.objections();
        for (int i = 0; i < o.size(); i++) {
            objections.save(new ObjectionEntity(callId, i, o.get(i).utterance(), o.get(i).kind(), o.get(i).said(),
                    o.get(i).response(), o.get(i).by()));
        }
        List<Question> q = summary.questions();
        for (int i = 0; i < q.size(); i++) {
            questions.save(new QuestionEntity(callId, i, q.get(i).utterance(), q.get(i).asker(), q.get(i).topic(),
                    q.get(i).text(), q.get(i).answer()));
        }
        List<Decision> d = summary.decisions();
        for (int i = 0; i < d.size(); i++) {
            decisions.save(new DecisionEntity(callId, i, d.get(i).utterance(), d.get(i).speaker(), d.get(i).text()));
        }
        if (!input.transcript().utterances().isEmpty()) {
            List<SpeakerNames.PartyName> parties = input.partyNames();
            outbox.enqueue(input.call(), summary, text, parties);
            // routing rules are evaluated here, once per call: every path (live, deferred, upload) stores here
            router.route(input.call(), summary, text, input.transcript().utterances(), parties);
        }
        return true;
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String timeline(List<SentimentPoint> points) {
        String joined = points.stream()
                .map(p -> String.format(Locale.ROOT, "%d@%.1f=%.2f", p.utterance(), p.startS(), p.score()))
                .collect(Collectors.joining(";"));
        return joined.length() > 8000 ? joined.substring(0, joined.lastIndexOf(';', 8000)) : joined;
    }
}
