package io.earpiece.assist.playbook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A refused playbook is explained in plain words and points at the field at fault, for the editor to show there. */
class PlaybookErrorsTest {

    private final PlaybookLoader loader = new PlaybookLoader();

    private PlaybookException refused(String text) {
        return catchThrowableOfType(PlaybookException.class, () -> loader.parse(text));
    }

    @Test
    void aTriggerWithoutExamplesPointsAtItsExamplePhrases() {
        PlaybookException e = refused("name: t\nintents:\n  - {tag: a, exemplars: [hi]}\n  - {tag: objection:price}\n");
        assertThat(e.field()).isEqualTo("intents[1].exemplars");
        assertThat(e.getMessage()).contains("objection:price", "at least one example phrase");
    }

    @Test
    void aBadKeywordPatternPointsAtThatPattern() {
        PlaybookException e = refused("name: t\nintents:\n  - tag: x\n    keywords: ['ok', '(unclosed']\n");
        assertThat(e.field()).isEqualTo("intents[0].keywords[1]");
        assertThat(e.getMessage()).contains("bad pattern in x", "'(unclosed' is not a valid pattern");
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithoutParserJargon() {
        PlaybookException e = refused("name: t\ncards:\n  - {id: c, trigger: x, title: T, body: B, cooldown_s: soon}\n");
        assertThat(e.field()).isEqualTo("cards[0].cooldown_s");
        assertThat(e.getMessage()).isEqualTo("invalid playbook: cards[0].cooldown_s must be a number")
                .doesNotContain("Jackson", "java.", "line:");
    }

    @Test
    void anUnknownSettingAndANegativeCoolDownPointAtTheirFields() {
        PlaybookException unknown = refused("name: x\ncolour: blue\n");
        assertThat(unknown.field()).isEqualTo("colour");
        assertThat(unknown.getMessage()).contains("'colour' is not a playbook setting");
        PlaybookException negative = refused("name: t\ncards:\n  - {id: c, trigger: x, title: T, body: B, cooldown_s: -5}\n");
        assertThat(negative.field()).isEqualTo("cards[0].cooldown_s");
        assertThat(negative.getMessage()).isEqualTo("the cool-down of card c cannot be negative");
    }

    @Test
    void aListWhereASectionBelongsSaysSo() {
        PlaybookException e = refused("intents: [oops");
        assertThat(e.field()).isEqualTo("intents[0]");
        assertThat(e.getMessage()).isEqualTo("invalid playbook: intents[0] must be a section with its own settings");
    }

    @Test
    void textThatIsNotYamlSaysWhereReadingStopped() {
        PlaybookException e = refused("name: 'unclosed\n");
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith("invalid playbook: the text is not valid YAML or JSON near line");
    }
}
