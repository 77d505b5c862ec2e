package io.earpiece.console.testing;

import io.earpiece.console.api.CallViews;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Checks a party's live segments against its reference utterances. */
public final class LiveSegments {

    private LiveSegments() {
    }

    /**
     * Each reference utterance is covered by one or more consecutive segments (a pause between its sentences commits
     * a final, and the speech after it continues in the next segment): the first starts and the last ends within
     * {@code toleranceMs} of the utterance, and their texts joined are the utterance's text, every word once. No
     * segment is left over.
     */
    public static void assertCover(String party, List<CallViews.SegmentView> got,
                                   List<ReferenceTranscript.Utterance> expected, double toleranceMs) {
        assertThat(got.size()).as("segments of %s", party).isGreaterThanOrEqualTo(expected.size());
        int next = 0;
        for (int i = 0; i < expected.size(); i++) {
            ReferenceTranscript.Utterance u = expected.get(i);
            List<CallViews.SegmentView> group = new ArrayList<>();
            while (next < got.size() && middle(got.get(next)) <= u.end() * 1000 + toleranceMs) {
                group.add(got.get(next++));
            }
            assertThat(group).as("segments of %s covering #%d (%s)", party, i, u.text()).isNotEmpty();
            assertThat((double) group.get(0).startMs()).as("start of %s #%d", party, i)
                    .isCloseTo(u.start() * 1000, offset(toleranceMs));
            assertThat((double) group.get(group.size() - 1).endMs()).as("end of %s #%d", party, i)
                    .isCloseTo(u.end() * 1000, offset(toleranceMs));
            String joined = group.stream().map(CallViews.SegmentView::text).filter(t -> !t.isBlank())
                    .collect(Collectors.joining(" "));
            assertThat(joined).as("text of %s #%d in %d segment(s)", party, i, group.size()).isEqualTo(u.text());
        }
        assertThat(got.subList(next, got.size())).as("segments of %s after the last utterance", party).isEmpty();
    }

    private static double middle(CallViews.SegmentView s) {
        return (s.startMs() + s.endMs()) / 2.0;
    }
}
