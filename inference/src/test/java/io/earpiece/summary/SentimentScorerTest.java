package io.earpiece.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentScorerTest {
    private final SentimentScorer scorer = new SentimentScorer();

    @Test
    void polarWordsSetTheSign() {
        assertThat(scorer.score("That would be really helpful, thanks.")).isGreaterThan(0.5);
        assertThat(scorer.score("The export keeps failing and we are frustrated.")).isLessThan(-0.5);
        assertThat(scorer.score("The meeting is on Tuesday.")).isZero();
    }

    @Test
    void negationFlipsAndIntensifierBoosts() {
        assertThat(scorer.score("This is not a good time.")).isNegative();
        assertThat(scorer.score("really good")).isGreaterThan(scorer.score("good"));
    }

    @Test
    void staysWithinUnitRange() {
        assertThat(scorer.score("great great great great perfect fantastic excellent awesome")).isLessThanOrEqualTo(1.0);
        assertThat(scorer.score("terrible awful broken useless outage")).isGreaterThanOrEqualTo(-1.0);
    }
}
