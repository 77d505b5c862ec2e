package io.earpiece.assist.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaybookVersionTest {
    private final PlaybookLoader loader = new PlaybookLoader();
    private static final String YAML = """
            # a comment that does not change the content
            name: tiny
            intents:
              - tag: objection:price
                threshold: 0.5
                keyword_threshold: 0.3
                exemplars: [It costs too much for us.]
            cards:
              - {id: price, trigger: objection:price, title: Price, body: Ask about budget., priority: 1, cooldown_s: 60}
            """;
    private static final String JSON = """
            {"cards": [{"trigger": "objection:price", "id": "price", "title": "Price", "body": "Ask about budget.",
                        "cooldown_s": 60, "priority": 1}],
             "name": "tiny",
             "intents": [{"tag": "objection:price", "exemplars": ["It costs too much for us."],
                          "keyword_threshold": 0.3, "threshold": 0.5}]}
            """;

    @Test
    void sameContentHasTheSameVersionInYamlOrJson() {
        assertThat(loader.parse(YAML).version()).isEqualTo(loader.parse(JSON).version()).hasSize(16);
    }

    @Test
    void anyEditChangesTheVersion() {
        String base = loader.parse(YAML).version();
        assertThat(loader.parse(YAML.replace("Ask about budget.", "Ask about their budget.")).version())
                .isNotEqualTo(base);
        assertThat(loader.parse(YAML.replace("cooldown_s: 60", "cooldown_s: 30")).version()).isNotEqualTo(base);
    }

    @Test
    void defaultPlaybookHasAStableVersion() {
        assertThat(loader.loadDefault().version()).isEqualTo(loader.loadDefault().version());
    }

    @Test
    void badTextIsRejectedWithAReason() {
        assertThatThrownBy(() -> loader.parse("")).isInstanceOf(PlaybookException.class);
        assertThatThrownBy(() -> loader.parse("name: x\nintents: [{tag: a, keywords: ['(']}]"))
                .hasMessageContaining("bad pattern");
        assertThatThrownBy(() -> loader.parse("name: x\nunknown_field: 1")).isInstanceOf(PlaybookException.class);
    }
}
