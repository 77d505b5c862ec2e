package io.earpiece.stt.streaming;

import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.WordTiming;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.SchedulerSettings;
import io.earpiece.stt.testaudio.Bursts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingSpeechToTextTest {

    private static final StreamingSettings SETTINGS = StreamingSettings.defaults();
    /** Two utterances: 0.5-6.5 s and 8-11 s. */
    private static final short[] TWO_UTTERANCES = Bursts.silence(13_000).tone(500, 6_500).tone(8_000, 11_000).pcm();
    private static final List<ScriptedRecognizer.Word> TWO_SCRIPT = concat(
            ScriptedRecognizer.evenly("a", 20, 500, 300), ScriptedRecognizer.evenly("b", 10, 8_000, 300));

    private RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16));
    private final List<TranscriptSegment> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    /** Feeds 20 ms frames a little slower than the decoder needs, so partial decodes get their turn. */
    static void feed(TranscriptionSession session, short[] pcm) {
        for (int offset = 0; offset < pcm.length; offset += 320) {
            session.accept(offset / 16, Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + 320)));
            pace();
        }
    }

    static void pace() {
        try {
            Thread.sleep(1); // pacing of the audio source, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void partialsNeverContradictCommittedWordsAndFinalsCoverEveryWordOnce() {
        ScriptedRecognizer decoder = new ScriptedRecognizer(TWO_SCRIPT, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "customer", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        assertConsistent(delivered, TWO_SCRIPT);
        Map<Integer, List<TranscriptSegment>> byIndex = byIndex(delivered);
        assertThat(byIndex).containsOnlyKeys(0, 1);
        List<TranscriptSegment> first = byIndex.get(0);
        assertThat(first.stream().filter(s -> !s.isFinal()).count()).as("partials of a 6 s utterance")
                .isGreaterThanOrEqualTo(4);
        assertThat(first.stream().filter(s -> !s.isFinal()).mapToInt(TranscriptSegment::stableWords).max()
                .orElse(0)).as("committed words in partials").isPositive();
        assertThat(first.get(first.size() - 1).startMs()).isEqualTo(500);
    }

    @Test
    void finalsCarryEstimatedWordTimingsInsideTheSegment() {
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, new ScriptedRecognizer(TWO_SCRIPT, 0), scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        for (TranscriptSegment f : finals(delivered)) {
            assertThat(f.words()).extracting(WordTiming::word).containsExactlyElementsOf(Words.split(f.text()));
            assertThat(f.words()).allSatisfy(w -> {
                assertThat(w.startMs()).isBetween(f.startMs(), w.endMs());
                assertThat(w.endMs()).isLessThanOrEqualTo(f.endMs());
                assertThat(w.estimated()).isTrue();
            });
        }
    }

    @Test
    void theNextFinalIsPromptedWithThePreviousFinalText() {
        ScriptedRecognizer decoder = new ScriptedRecognizer(TWO_SCRIPT, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        String firstFinal = finals(delivered).get(0).text();
        assertThat(decoder.calls).filteredOn(c -> !c.partial() && c.startMs() < 1_000)
                .singleElement().extracting(ScriptedRecognizer.Call::prompt).isEqualTo("");
        assertThat(decoder.calls).filteredOn(c -> !c.partial() && c.startMs() > 7_000)
                .singleElement().extracting(ScriptedRecognizer.Call::prompt).isEqualTo(firstFinal);
    }

    @Test
    void aSpeculativeDecodeOvertakenBySpeechIsNotUsedForTheFinal() {
        // a 260 ms pause: longer than the tail (a speculative final decode starts), shorter than the commit pause
        short[] pcm = Bursts.silence(7_000).tone(500, 3_000).tone(3_260, 5_000).pcm();
        List<ScriptedRecognizer.Word> script = concat(ScriptedRecognizer.evenly("x", 10, 500, 250),
                ScriptedRecognizer.evenly("y", 6, 3_260, 250));
        ScriptedRecognizer decoder = new ScriptedRecognizer(script, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, pcm);
        session.close();

        assertThat(decoder.calls).filteredOn(c -> !c.partial()).extracting(ScriptedRecognizer.Call::endMs)
                .contains(3_200L, 5_200L);
        assertThat(finals(delivered)).singleElement().extracting(TranscriptSegment::endMs).isEqualTo(5_200L);
        assertConsistent(delivered, script);
    }

    @Test
    void aPauseCommitsTheFinalAndSpeechAfterItContinuesInTheNextSegment() {
        // a 400 ms pause between two sentences of one turn: past the 300 ms commit pause
        short[] pcm = Bursts.silence(7_000).tone(500, 3_000).tone(3_400, 5_000).pcm();
        List<ScriptedRecognizer.Word> script = concat(ScriptedRecognizer.evenly("x", 10, 500, 250),
                ScriptedRecognizer.evenly("y", 6, 3_400, 250));
        ScriptedRecognizer decoder = new ScriptedRecognizer(script, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, pcm);
        session.close();

        List<TranscriptSegment> finals = finals(delivered);
        assertThat(finals).extracting(TranscriptSegment::index).containsExactly(0, 1);
        assertThat(finals.get(0).endMs()).isEqualTo(3_200L);
        assertThat(finals.get(1).startMs()).isEqualTo(3_400L);
        // the second segment's audio starts after the first one's: nothing is decoded twice
        assertThat(decoder.calls).filteredOn(c -> !c.partial() && c.endMs() == 5_200L)
                .allSatisfy(c -> assertThat(c.startMs()).isGreaterThanOrEqualTo(3_200L));
        assertConsistent(delivered, script);
    }

    @Test
    void aLongerCommitPauseKeepsTheSentencesInOneSegment() {
        short[] pcm = Bursts.silence(7_000).tone(500, 3_000).tone(3_400, 5_000).pcm();
        List<ScriptedRecognizer.Word> script = concat(ScriptedRecognizer.evenly("x", 10, 500, 250),
                ScriptedRecognizer.evenly("y", 6, 3_400, 250));
        SpeechToText stt = new StreamingSpeechToText(SETTINGS.withCommitPauseMs(800),
                new ScriptedRecognizer(script, 0), scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, pcm);
        session.close();

        assertThat(finals(delivered)).singleElement().extracting(TranscriptSegment::endMs).isEqualTo(5_200L);
        assertConsistent(delivered, script);
    }

    @Test
    void aShortenedPromptKeepsWholeWordsFromThePreviousFinalsEnd() {
        ScriptedRecognizer decoder = new ScriptedRecognizer(TWO_SCRIPT, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS.withMaxPromptChars(13), decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        String firstFinal = finals(delivered).get(0).text();
        String prompt = decoder.calls.stream().filter(c -> !c.partial() && c.startMs() > 7_000)
                .map(ScriptedRecognizer.Call::prompt).findFirst().orElseThrow();
        assertThat(prompt).isNotEmpty().hasSizeLessThanOrEqualTo(13);
        assertThat(firstFinal).as("whole words of the previous final's end").endsWith(" " + prompt);
    }

    @Test
    void promptCarryOverCanBeSwitchedOff() {
        ScriptedRecognizer decoder = new ScriptedRecognizer(TWO_SCRIPT, 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS.withPromptCarryOver(false), decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        assertThat(decoder.calls).isNotEmpty().allSatisfy(c -> assertThat(c.prompt()).isEmpty());
    }

    @Test
    void longSpeechIsSplitAtTheMaximumAndTheNextSegmentContinuesIt() {
        List<ScriptedRecognizer.Word> script = ScriptedRecognizer.evenly("w", 48, 500, 250);
        short[] pcm = Bursts.silence(14_000).tone(500, 12_500).pcm();
        StreamingSettings settings = new StreamingSettings(SETTINGS.vad(), 700, 4_000, true, 200,
                Duration.ofSeconds(30));
        SpeechToText stt = new StreamingSpeechToText(settings, new ScriptedRecognizer(script, 0), scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, pcm);
        session.close();

        List<TranscriptSegment> finals = finals(delivered);
        assertThat(finals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(finals).allSatisfy(f -> assertThat(f.endMs() - f.startMs()).isLessThanOrEqualTo(4_300));
        for (int i = 1; i < finals.size(); i++) {
            assertThat(finals.get(i).startMs()).as("segment %d starts where %d ended", i, i - 1)
                    .isEqualTo(finals.get(i - 1).endMs());
        }
        assertConsistent(delivered, script);
    }

    @Test
    void silenceAndQuietNoiseYieldNoSegmentsAndNoDecodes() {
        ScriptedRecognizer decoder = new ScriptedRecognizer(ScriptedRecognizer.evenly("x", 30, 0, 300), 0);
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, decoder, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        short[] pcm = new short[10_000 * 16];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) random.nextInt(-60, 61); // about -60 dBFS: line noise, below the VAD threshold
        }
        for (int offset = 0; offset < pcm.length; offset += 320) {
            session.accept(offset / 16, Arrays.copyOfRange(pcm, offset, offset + 320));
        }
        session.close();

        assertThat(delivered).isEmpty();
        assertThat(decoder.calls).isEmpty();
    }

    @Test
    void aFailingDecoderStillDeliversTheFinalWithoutText() {
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, new io.earpiece.stt.SpeechRecognizer() {
            @Override
            public String transcribe(io.earpiece.stt.Utterance utterance) {
                throw new IllegalStateException("model exploded");
            }

            @Override
            public String describe() {
                return "broken";
            }
        }, scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        assertThat(delivered).hasSize(2).allSatisfy(s -> {
            assertThat(s.isFinal()).isTrue();
            assertThat(s.text()).isEmpty();
        });
    }

    @Test
    void aClosedSchedulerStillDeliversEveryFinal() {
        scheduler.close();
        SpeechToText stt = new StreamingSpeechToText(SETTINGS, new ScriptedRecognizer(TWO_SCRIPT, 0), scheduler);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, TWO_UTTERANCES);
        session.close();

        assertThat(delivered).extracting(TranscriptSegment::index).containsExactly(0, 1);
    }

    /**
     * Checks the streaming contract on one party's segments: per index, partials then one final; every segment
     * starts with the words the one before committed; the finals, in order, are exactly the script.
     */
    static void assertConsistent(List<TranscriptSegment> segments, List<ScriptedRecognizer.Word> script) {
        for (Map.Entry<Integer, List<TranscriptSegment>> e : byIndex(segments).entrySet()) {
            List<TranscriptSegment> seq = e.getValue();
            assertThat(seq.get(seq.size() - 1).isFinal()).as("index %d ends with its final", e.getKey()).isTrue();
            assertThat(seq.subList(0, seq.size() - 1)).as("index %d: nothing after the final", e.getKey())
                    .noneMatch(TranscriptSegment::isFinal);
            List<String> committed = List.of();
            for (TranscriptSegment s : seq) {
                List<String> words = Words.split(s.text());
                assertThat(words.subList(0, Math.min(words.size(), committed.size())))
                        .as("index %d: '%s' keeps the committed %s", e.getKey(), s.text(), committed)
                        .isEqualTo(committed);
                assertThat(s.stableWords()).isGreaterThanOrEqualTo(committed.size()).isLessThanOrEqualTo(words.size());
                committed = words.subList(0, s.stableWords());
            }
        }
        List<String> all = new ArrayList<>();
        finals(segments).forEach(f -> all.addAll(Words.split(f.text())));
        assertThat(all).containsExactlyElementsOf(script.stream().map(ScriptedRecognizer.Word::text).toList());
    }

    static Map<Integer, List<TranscriptSegment>> byIndex(List<TranscriptSegment> segments) {
        Map<Integer, List<TranscriptSegment>> out = new TreeMap<>();
        for (TranscriptSegment s : segments) {
            out.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    static List<TranscriptSegment> finals(List<TranscriptSegment> segments) {
        return segments.stream().filter(TranscriptSegment::isFinal).toList();
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
