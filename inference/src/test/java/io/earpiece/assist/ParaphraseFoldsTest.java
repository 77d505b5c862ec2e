package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earpiece.assist.intent.EncodedExample;
import io.earpiece.assist.intent.FeatureVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParaphraseFoldsTest {
    private static EncodedExample line(String role, Set<String> tags, float... embedding) {
        return new EncodedExample(role, tags, new FeatureVector(embedding, new int[0], new float[0]));
    }

    @Test
    void paraphrasesOfOneTagAreHeldOutTogether() {
        List<EncodedExample> set = new ArrayList<>();
        // Three wordings of one price objection (cosine ~0.99 with each other), joined through the middle one.
        set.add(line("customer", Set.of("objection:price"), 1f, 0f, 0f));
        set.add(line("customer", Set.of("objection:price"), 0.98f, 0.2f, 0f));
        set.add(line("customer", Set.of("objection:price"), 0.9f, 0.42f, 0f));
        // Unrelated price objections, one per fold at most.
        for (int i = 0; i < 4; i++) {
            set.add(line("customer", Set.of("objection:price"), 0f, (float) Math.cos(i), (float) Math.sin(i) * 3));
        }
        int[] fold = new ParaphraseFolds(3, 0.75).assign(set);
        assertThat(fold[1]).isEqualTo(fold[0]);
        assertThat(fold[2]).isEqualTo(fold[0]);
    }

    @Test
    void aContrastingLineOfAnotherTagIsNotJoined() {
        List<EncodedExample> set = List.of(
                line("customer", Set.of("objection:price"), 1f, 0f),
                line("customer", Set.of(), 1f, 0.01f),
                line("rep", Set.of("objection:price"), 1f, 0.02f));
        int[] family = new ParaphraseFolds(2, 0.75).families(set);
        assertThat(family).containsExactly(0, 1, 2);
    }

    @Test
    void everyFoldGetsItsShareOfEachTag() {
        List<EncodedExample> set = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            float angle = i * 0.7f;
            set.add(line("customer", Set.of("question:security"), (float) Math.cos(angle), (float) Math.sin(angle)));
            set.add(line("customer", Set.of(), (float) Math.cos(angle), (float) -Math.sin(angle)));
        }
        int[] fold = new ParaphraseFolds(2, 0.99).assign(set);
        int[] security = new int[2];
        int[] none = new int[2];
        for (int i = 0; i < set.size(); i++) {
            (set.get(i).tags().isEmpty() ? none : security)[fold[i]]++;
        }
        assertThat(security).containsExactly(5, 5);
        assertThat(none).containsExactly(5, 5);
    }

    @Test
    void oneFoldIsRefused() {
        assertThatThrownBy(() -> new ParaphraseFolds(1, 0.75)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 folds");
    }
}
