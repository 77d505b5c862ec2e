package io.earpiece.stt.scheduling;

import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundRecognizerTest {

    private final List<DecodeSample> samples = new CopyOnWriteArrayList<>();

    private final SpeechRecognizer fake = new SpeechRecognizer() {
        @Override
        public String transcribe(Utterance utterance) {
            if (utterance.index() < 0) {
                throw new IllegalStateException("no context");
            }
            return "text of " + utterance.party() + " on " + Thread.currentThread().getName();
        }

        @Override
        public String describe() {
            return "fake";
        }
    };

    private static Utterance utterance(int index) {
        return new Utterance("call-1", "customer", index, 1_000, 2_500, new float[16]);
    }

    @Test
    void decodesOnTheSchedulersWorkersAsBackgroundWork() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(2, 4),
                new RecognitionMetricsListener() {
                    @Override
                    public void onDecode(DecodeSample sample) {
                        samples.add(sample);
                    }
                })) {
            BackgroundRecognizer recognizer = new BackgroundRecognizer(fake, scheduler, System.nanoTime());

            assertThat(recognizer.transcribe(utterance(0))).as("decoded on a worker").startsWith("text of customer on stt-decode-");
            assertThat(samples).singleElement().satisfies(s -> {
                assertThat(s.priority()).isEqualTo(Priority.BACKGROUND);
                assertThat(s.callId()).isEqualTo("call-1");
                assertThat(s.audioMs()).isEqualTo(1_500);
            });
        }
    }

    @Test
    void aFailedDecodeFailsItsCaller() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 4))) {
            BackgroundRecognizer recognizer = new BackgroundRecognizer(fake, scheduler, System.nanoTime());

            assertThatThrownBy(() -> recognizer.transcribe(utterance(-1))).hasMessage("no context");
        }
    }

    @Test
    void aClosedSchedulerIsAnError() {
        RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 4));
        scheduler.close();

        assertThatThrownBy(() -> new BackgroundRecognizer(fake, scheduler, 0).transcribe(utterance(0)))
                .hasMessageContaining("closed");
    }
}
