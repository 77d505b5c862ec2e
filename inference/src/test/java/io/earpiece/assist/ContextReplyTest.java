package io.earpiece.assist;

import static org.assertj.core.api.Assertions.assertThat;

import io.earpiece.assist.playbook.PlaybookLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer's short reservation is read with the rep's turn it answers (CallAnalysis → UtteranceTagger): on
 * dialogue pairs written for this test ({@code assist/context-replies.tsv}), never from a call corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextReplyTest {
    private AssistEngine engine;

    @BeforeAll
    void loadEngine() {
        engine = new AssistEngine(new PlaybookLoader().loadDefault());
    }

    @Test
    void aReservationTakesItsKindFromTheTurnItAnswers() throws IOException {
        List<String> wrong = new ArrayList<>();
        int reservations = 0;
        int found = 0;
        for (String[] pair : pairs()) {
            Set<String> got = objections(pair[0], pair[1]);
            Set<String> want = pair[2].equals("none") ? Set.of() : Set.of(pair[2].split(","));
            if (!want.isEmpty()) {
                reservations++;
                found += got.equals(want) ? 1 : 0;
            }
            if (!got.equals(want)) {
                wrong.add(pair[0] + " / " + pair[1] + ": want " + want + " got " + got);
            }
        }
        wrong.forEach(w -> System.out.println("CONTEXT " + w));
        // No acknowledgement becomes an objection; of the reservations, 6 of 9 are found today (a reply that is already
        // tagged on its own words, or whose pair the one-line models read too weakly, is not). Without the turn before,
        // none of them carries its kind (see below).
        assertThat(wrong).as("acknowledgements tagged").noneMatch(w -> w.contains("want []"));
        assertThat(found).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(reservations * 2 / 3);
    }

    @Test
    void withoutTheRepsTurnTheReplyAloneNamesNoKind() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        List<AssistEvent> events = call.onSegment(0, "customer", 0, 2, "oof I don't know about that");
        assertThat(events).noneMatch(e -> e.tag().equals("objection:price"));
    }

    @Test
    void aReplyToTheCustomersOwnTurnIsNotReadWithIt() {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onSegment(0, "customer", 0, 2, "With the add-ons you'd be looking at twelve hundred a month.");
        List<AssistEvent> events = call.onSegment(1, "customer", 2, 4, "oof I don't know about that");
        assertThat(events).noneMatch(e -> e.tag().equals("objection:price"));
    }

    private Set<String> objections(String rep, String customer) {
        CallAnalysis call = engine.startCall(LocalDate.of(2025, 3, 12));
        call.onSegment(0, "rep", 0, 3, rep);
        Set<String> out = new TreeSet<>();
        for (AssistEvent e : call.onSegment(1, "customer", 3, 5, customer)) {
            if (e.tag().startsWith("objection:")) {
                out.add(e.tag());
            }
        }
        return out;
    }

    private static List<String[]> pairs() throws IOException {
        try (InputStream in = ContextReplyTest.class.getResourceAsStream("/assist/context-replies.tsv")) {
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
            return out;
        }
    }
}
