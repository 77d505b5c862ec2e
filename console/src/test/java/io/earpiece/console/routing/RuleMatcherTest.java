package io.earpiece.console.routing;

import io.earpiece.summary.CallSummary;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Objection;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Sentiment;
import io.earpiece.summary.Utterance;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatcherTest {

    static final List<Utterance> SAID = List.of(
            new Utterance("rep", 0, 2, "Thanks for calling, how can I help?"),
            new Utterance("customer", 2, 6, "The export is broken again. Honestly? I'll CANCEL, my account!"),
            new Utterance("rep", 6, 8, "I don't want that; let me fix it."));

    static CallSummary summary(CallType type, Priority priority, String sentiment, String... objectionKinds) {
        List<Objection> objections = java.util.Arrays.stream(objectionKinds)
                .map(k -> new Objection(1, k, "said", null)).toList();
        return new CallSummary(LocalDate.of(2026, 12, 1), type, List.of("Key."), new Sentiment(-0.5, -0.2, -0.7,
                sentiment, List.of()), priority, objections, List.of(), List.of(), List.of());
    }

    static RoutingRule.When when(List<String> types, String minPriority, List<String> sentiments,
                                 List<String> kinds, List<String> phrases) {
        return new RoutingRule.When(types, minPriority, sentiments, kinds, phrases);
    }

    @Test
    void everyGivenConditionMustHoldAndTheMatchSaysWhichValuesMet() {
        Optional<RuleMatcher.Match> m = RuleMatcher.match(when(List.of("support", "sales"), "normal",
                        List.of("negative"), List.of("price", "timing"), List.of("cancel my account", "refund")),
                summary(CallType.SUPPORT, Priority.HIGH, "negative", "timing"), SAID);
        assertThat(m).isPresent();
        assertThat(m.get().reason()).isEqualTo("call type support; priority high (at least normal); "
                + "sentiment negative; objection timing; said \"cancel my account\"");
        assertThat(m.get().matched()).isEqualTo(Map.of("callType", "support", "priority", "high",
                "sentiment", "negative", "objectionKinds", List.of("timing"), "phrases", List.of("cancel my account")));
    }

    @Test
    void oneFailingConditionFailsTheRule() {
        CallSummary s = summary(CallType.SUPPORT, Priority.NORMAL, "negative", "price");
        assertThat(RuleMatcher.match(when(List.of("sales"), null, null, null, null), s, SAID)).isEmpty();
        assertThat(RuleMatcher.match(when(null, "high", null, null, null), s, SAID)).isEmpty();
        assertThat(RuleMatcher.match(when(null, null, List.of("positive"), null, null), s, SAID)).isEmpty();
        assertThat(RuleMatcher.match(when(null, null, null, List.of("timing"), null), s, SAID)).isEmpty();
        assertThat(RuleMatcher.match(when(List.of("support"), null, null, null, List.of("refund")), s, SAID))
                .isEmpty();
    }

    @Test
    void aRuleWithoutConditionsMatchesNothing() {
        assertThat(RuleMatcher.match(when(null, " ", null, null, null),
                summary(CallType.SUPPORT, Priority.HIGH, "negative"), SAID)).isEmpty();
    }

    @Test
    void phrasesIgnoreCaseAndPunctuationButMatchWholeWordsWithinOneUtterance() {
        assertThat(RuleMatcher.heard(List.of("Cancel my account", "i'll cancel", "ill cancel", "dont want",
                "honestly i", "cance", "again honestly", "help the export"), SAID))
                // "honestly i" is not heard: the word said was "I'll"
                .containsExactly("Cancel my account", "i'll cancel", "ill cancel", "dont want", "again honestly");
    }
}
