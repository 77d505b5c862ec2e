package io.earpiece.assist.playbook;

import java.util.List;

/**
 * A team's playbook: intents with exemplars, background phrases that match no intent, cards per trigger,
 * the disclosure rule and coaching thresholds.
 */
public record Playbook(
        String name,
        List<IntentDefinition> intents,
        List<String> background,
        List<CardTemplate> cards,
        DisclosurePolicy disclosure,
        CoachingPolicy coaching) {
    public Playbook {
        intents = intents == null ? List.of() : List.copyOf(intents);
        background = background == null ? List.of() : List.copyOf(background);
        cards = cards == null ? List.of() : List.copyOf(cards);
    }
}
