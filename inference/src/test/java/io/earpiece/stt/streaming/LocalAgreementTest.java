package io.earpiece.stt.streaming;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAgreementTest {

    private static List<String> w(String text) {
        return Words.split(text);
    }

    @Test
    void commitsOnlyWhatTwoConsecutiveDecodesAgreeOn() {
        LocalAgreement a = new LocalAgreement();
        assertThat(a.update(w("hello there"))).containsExactly("hello", "there");
        assertThat(a.committedCount()).isZero();
        assertThat(a.update(w("hello their friend"))).containsExactly("hello", "their", "friend");
        assertThat(a.committed()).containsExactly("hello");
        assertThat(a.update(w("hello there friend how"))).containsExactly("hello", "there", "friend", "how");
        assertThat(a.committed()).containsExactly("hello");
        assertThat(a.update(w("hello there friend how are"))).containsExactly("hello", "there", "friend", "how", "are");
        assertThat(a.committed()).containsExactly("hello", "there", "friend", "how");
    }

    @Test
    void aDecodeThatRevisesACommittedWordDoesNotChangeOrRepeatIt() {
        LocalAgreement a = new LocalAgreement();
        a.update(w("we can hold the rate"));
        a.update(w("we can hold the rate if"));
        assertThat(a.committed()).containsExactly("we", "can", "hold", "the", "rate");
        List<String> partial = a.update(w("we could hold the rate if you"));
        assertThat(partial).containsExactly("we", "can", "hold", "the", "rate", "if", "you");
        assertThat(a.finish(w("we could hold the rate if you commit"))).containsExactly(
                "we", "can", "hold", "the", "rate", "if", "you", "commit");
    }

    @Test
    void caseAndPunctuationDoNotBreakAgreement() {
        LocalAgreement a = new LocalAgreement();
        a.update(w("Hi Sam, this"));
        a.update(w("Hi, Sam. This is"));
        assertThat(a.committed()).containsExactly("Hi,", "Sam.", "This");
    }

    @Test
    void aShorterDecodeKeepsTheCommittedWords() {
        LocalAgreement a = new LocalAgreement();
        a.update(w("one two three"));
        a.update(w("one two three four"));
        assertThat(a.update(w("one two"))).startsWith("one", "two", "three");
        assertThat(a.finish(w(""))).containsExactly("one", "two", "three");
    }

    @Test
    void finishWithoutPartialsIsTheFinalDecode() {
        assertThat(new LocalAgreement().finish(w("just the final"))).containsExactly("just", "the", "final");
    }
}
