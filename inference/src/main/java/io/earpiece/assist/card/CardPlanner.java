package io.earpiece.assist.card;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.playbook.CardTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-call choice of which playbook cards to show for a segment's events, honouring each card's cool-down
 * so the same card does not repeat every sentence.
 */
public final class CardPlanner {
    private final List<CardTemplate> templates;
    private final Map<String, Double> lastShownS = new HashMap<>();

    public CardPlanner(List<CardTemplate> templates) {
        this.templates = templates;
    }

    public List<Card> cardsFor(List<AssistEvent> events, double nowS) {
        List<Card> out = new ArrayList<>();
        for (AssistEvent event : events) {
            for (CardTemplate t : templates) {
                if (event.tag().equals(t.trigger()) || event.tag().startsWith(t.trigger() + ":")) {
                    show(t, event.utterance(), event.tag(), nowS).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /**
     * The cards {@link #cardsFor} would show for these events now, without showing them: nothing is recorded, so
     * cool-downs start only when a card is really shown.
     */
    public List<Card> peek(List<AssistEvent> events, double nowS) {
        List<Card> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (AssistEvent event : events) {
            for (CardTemplate t : templates) {
                if ((event.tag().equals(t.trigger()) || event.tag().startsWith(t.trigger() + ":"))
                        && !coolingDown(t, nowS) && seen.add(t.id())) {
                    out.add(new Card(t.id(), t.title(), t.body(), t.priority(), event.utterance(), event.tag()));
                }
            }
        }
        return out;
    }

    private boolean coolingDown(CardTemplate t, double nowS) {
        Double last = lastShownS.get(t.id());
        return last != null && nowS - last < t.cooldownS();
    }

    /** Shows a template unconditionally triggered by a rule (compliance, coaching), still within its cool-down. */
    public java.util.Optional<Card> show(CardTemplate t, int utterance, String trigger, double nowS) {
        if (coolingDown(t, nowS)) {
            return java.util.Optional.empty();
        }
        lastShownS.put(t.id(), nowS);
        return java.util.Optional.of(new Card(t.id(), t.title(), t.body(), t.priority(), utterance, trigger));
    }
}
