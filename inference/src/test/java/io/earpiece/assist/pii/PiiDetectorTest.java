package io.earpiece.assist.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiDetectorTest {
    private final PiiDetector detector = new PiiDetector();

    @Test
    void masksSpokenPhoneDigits() {
        String text = "you can reach me on eight zero one, four four two, nine three zero six thanks";
        assertThat(detector.find(text)).extracting(PiiMatch::kind).containsExactly(PiiKind.PHONE);
        assertThat(detector.mask(text)).isEqualTo("you can reach me on [phone] thanks");
    }

    @Test
    void masksWrittenPhoneAndEmail() {
        String text = "Call 415-555-0199 or write to kim.lee@acme.io today.";
        assertThat(detector.mask(text)).isEqualTo("Call [phone] or write to [email] today.");
    }

    @Test
    void masksSpokenEmail() {
        assertThat(detector.mask("it is sam dot ortiz at example dot org okay"))
                .isEqualTo("it is [email] okay");
    }

    @Test
    void cardNeedsLuhn() {
        String valid = "the number is 4012 8888 8888 1881";
        String invalid = "the number is 4012 8888 8888 1882";
        assertThat(detector.find(valid)).extracting(PiiMatch::kind).containsExactly(PiiKind.CARD);
        assertThat(detector.find(invalid)).extracting(PiiMatch::kind).doesNotContain(PiiKind.CARD);
    }

    @Test
    void spokenCardDigits() {
        String text = "four zero one two, eight eight eight eight, eight eight eight eight, one eight eight one";
        assertThat(detector.mask(text)).isEqualTo("[card]");
    }

    @Test
    void amountsAndShortNumbersAreNotPii() {
        assertThat(detector.find("we pay forty thousand dollars for 25 seats on one plan")).isEmpty();
        assertThat(Luhn.valid("79927398713")).isTrue();
        assertThat(Luhn.valid("79927398710")).isFalse();
    }
}
