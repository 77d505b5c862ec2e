package io.earpiece.console.summary;

import io.earpiece.db.summary.ActionItemEntity;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.summary.DecisionRepository;
import io.earpiece.db.summary.ObjectionRepository;
import io.earpiece.db.summary.QuestionRepository;
import io.earpiece.db.summary.SummaryEntity;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read side of stored summaries; blocking JPA, callers move it off the event loop. */
@Service
public class SummaryQueries {

    private final SummaryRepository summaries;
    private final ActionItemRepository actions;
    private final ObjectionRepository objections;
    private final QuestionRepository questions;
    private final DecisionRepository decisions;
    private final TranscriptSegmentRepository segments;

    public SummaryQueries(SummaryRepository summaries, ActionItemRepository actions, ObjectionRepository objections,
                          QuestionRepository questions, DecisionRepository decisions,
                          TranscriptSegmentRepository segments) {
        this.segments = segments;
        this.summaries = summaries;
        this.actions = actions;
        this.objections = objections;
        this.questions = questions;
        this.decisions = decisions;
    }

    /**
     * The call's summary. A call with no transcribed line makes no claims: type, priority, abstract, text and
     * sentiment are null (the offline summarizer's defaults, "sales / low / neutral", are not findings), which
     * also covers summaries stored before this rule.
     */
    @Transactional(readOnly = true)
    public Optional<SummaryView> find(String callId) {
        return summaries.findById(callId).map(s -> segments.countByCallId(callId) == 0 ? unclaimed(s) : full(s));
    }

    private SummaryView unclaimed(SummaryEntity s) {
        return new SummaryView(s.getCallId(), s.getCallDate(), null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), null, s.getEngine(), s.getEngineFallback(), s.getCreatedAt());
    }

    private SummaryView full(SummaryEntity s) {
        String callId = s.getCallId();
        return new SummaryView(s.getCallId(), s.getCallDate(), s.getCallType(),
                s.getPriority(), s.getAbstractText(),
                new SummaryView.Sentiment(s.getSentimentLabel(), s.getSentimentOverall(), s.getSentimentOpening(),
                        s.getSentimentClosing(), points(s)),
                objections.findByCallIdOrderBySeqAsc(callId).stream().map(o -> new SummaryView.ObjectionView(
                        o.getUtterance(), o.getKind(), o.getSaid(), o.getResponse(), o.getResponse() != null,
                        o.getRaisedBy())).toList(),
                questions.findByCallIdOrderBySeqAsc(callId).stream().map(q -> new SummaryView.QuestionView(
                        q.getUtterance(), q.getAsker(), q.getTopic(), q.getText(), q.getAnswer())).toList(),
                decisions.findByCallIdOrderBySeqAsc(callId).stream().map(d -> new SummaryView.DecisionView(
                        d.getUtterance(), d.getSpeaker(), d.getText())).toList(),
                actions.findByCallIdOrderBySeqAsc(callId).stream().map(SummaryQueries::actionItem).toList(),
                s.getSummaryText(), s.getEngine(), s.getEngineFallback(), s.getCreatedAt());
    }

    static SummaryView.ActionItemView actionItem(ActionItemEntity a) {
        return new SummaryView.ActionItemView(a.getSeq(), a.getUtterance(), a.getOwner(), a.getWhat(), a.getDueText(),
                a.getDueDate(), a.getDoneAt(), a.getDoneBy(), a.getAssignee());
    }

    private static List<SummaryView.Point> points(SummaryEntity s) {
        List<SummaryView.Point> out = new ArrayList<>();
        if (s.getSentimentTimeline() == null || s.getSentimentTimeline().isBlank()) {
            return out;
        }
        for (String p : s.getSentimentTimeline().split(";")) {
            int at = p.indexOf('@');
            int eq = p.indexOf('=');
            if (at > 0 && eq > at) {
                out.add(new SummaryView.Point(Integer.parseInt(p.substring(0, at)),
                        Double.parseDouble(p.substring(at + 1, eq)), Double.parseDouble(p.substring(eq + 1))));
            }
        }
        return out;
    }
}
