package io.earpiece.assist.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentFinderTest {
    private final CommitmentFinder finder = new CommitmentFinder(new DuePhraseFinder());
    private final DueDateResolver resolver = new DueDateResolver();
    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 3, 12);

    @Test
    void extractsVerbPhraseAndDue() {
        List<Commitment> found = finder.find("Sure thing, I'll ship you the signed quote by next Tuesday.");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).what()).isEqualTo("ship signed quote");
        assertThat(found.get(0).due()).map(DuePhrase::normalized).contains("next tuesday");
    }

    @Test
    void offersAndObligationsAreNotCommitments() {
        assertThat(finder.find("I can lower the rate if you sign today.")).isEmpty();
        assertThat(finder.find("I will have to ask around first.")).isEmpty();
        assertThat(finder.find("Let's see how it goes.")).isEmpty();
    }

    @Test
    void resolvesDueDatesForward() {
        assertThat(resolver.resolve("friday", WEDNESDAY)).contains(LocalDate.of(2025, 3, 14));
        assertThat(resolver.resolve("monday", WEDNESDAY)).contains(LocalDate.of(2025, 3, 17));
        assertThat(resolver.resolve("this afternoon", WEDNESDAY)).contains(WEDNESDAY);
        assertThat(resolver.resolve("tomorrow", WEDNESDAY)).contains(LocalDate.of(2025, 3, 13));
        assertThat(resolver.resolve("next week", WEDNESDAY)).contains(LocalDate.of(2025, 3, 17));
        // A month that has passed this year means next year's.
        assertThat(resolver.resolve("january eighth", WEDNESDAY)).contains(LocalDate.of(2026, 1, 8));
        assertThat(resolver.resolve("april the twenty first", WEDNESDAY)).contains(LocalDate.of(2025, 4, 21));
    }
}
