package io.earpiece.assist.knowledge;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.FinalSegment;
import io.earpiece.assist.SegmentDecorator;
import io.earpiece.assist.intent.UtteranceShape;
import io.earpiece.assist.playbook.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the customer's questions from the knowledge base: when a segment carries a {@code question:*} event,
 * the best document above the threshold becomes a card citing it (id {@code kb:<document id>}, title = the
 * document's title, body = its best passage, {@link Card#source()} = the document's source). Install with
 * {@code engine.withDecorator(new KnowledgeAssist(kb, 120))}.
 */
public final class KnowledgeAssist implements SegmentDecorator {
    /** Card id prefix of knowledge answers. */
    public static final String CARD_PREFIX = "kb:";
    private static final int ANSWER_PRIORITY = 1;

    private final KnowledgeBase knowledge;
    private final double cooldownS;

    /** {@code cooldownS}: call time before the same document is shown again. */
    public KnowledgeAssist(KnowledgeBase knowledge, double cooldownS) {
        this.knowledge = knowledge;
        this.cooldownS = cooldownS;
    }

    @Override
    public CallDecorator startCall(Playbook playbook, String playbookVersion) {
        Map<String, Double> lastShownS = new HashMap<>();
        return new CallDecorator() {
            @Override
            public List<Card> cards(FinalSegment segment, List<AssistEvent> events, List<Card> planned) {
                Optional<AssistEvent> question = events.stream()
                        .filter(e -> e.utterance() == segment.utterance() && e.tag().startsWith("question:"))
                        .findFirst();
                if (question.isEmpty() || !segment.speaker().equals("customer")) {
                    return planned;
                }
                List<String> asked = new UtteranceShape(segment.text()).questions();
                String text = asked.isEmpty() ? segment.text() : String.join(" ", asked);
                Optional<KnowledgeHit> hit = knowledge.answer(text);
                if (hit.isEmpty()) {
                    return planned;
                }
                KnowledgeDocument d = hit.get().document();
                Double last = lastShownS.get(d.id());
                if (last != null && segment.endS() - last < cooldownS) {
                    return planned;
                }
                lastShownS.put(d.id(), segment.endS());
                List<Card> out = new ArrayList<>(planned);
                out.add(new Card(CARD_PREFIX + d.id(), d.title(), hit.get().passage(), ANSWER_PRIORITY,
                        segment.utterance(), question.get().tag(), d.source()));
                return out;
            }
        };
    }
}
