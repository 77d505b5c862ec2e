package io.earpiece.stt.guard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HallucinationFilterTest {

    private final HallucinationFilter filter = new HallucinationFilter();

    @Test
    void removesSoundAnnotations() {
        assertThat(filter.clean(" [BLANK_AUDIO]")).isEmpty();
        assertThat(filter.clean("(music) ♪♪")).isEmpty();
        assertThat(filter.clean("Okay. [silence] Let's start.")).isEqualTo("Okay. Let's start.");
    }

    @Test
    void dropsVideoSignOffsAndSubtitleCredits() {
        assertThat(filter.clean(" Thanks for watching!")).isEmpty();
        assertThat(filter.clean("you")).isEmpty();
        assertThat(filter.clean("Subtitles by the Amara.org community")).isEmpty();
    }

    @Test
    void keepsOrdinaryShortAnswers() {
        assertThat(filter.clean(" Thank you.")).isEqualTo("Thank you.");
        assertThat(filter.clean("No, no, no.")).isEqualTo("No, no, no.");
    }

    @Test
    void collapsesDecodingLoops() {
        assertThat(filter.clean("I will call you I will call you I will call you I will call you I will call you"))
                .isEqualTo("I will call you");
        assertThat(filter.clean("so so so so so so so so")).isEqualTo("so");
        assertThat(filter.clean("The price is the price is the price is the price is high"))
                .isEqualTo("The price is high");
    }
}
