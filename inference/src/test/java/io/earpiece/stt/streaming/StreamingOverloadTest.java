package io.earpiece.stt.streaming;

import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.SchedulerSettings;
import io.earpiece.stt.scheduling.SchedulerStats;
import io.earpiece.stt.testaudio.Bursts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** More calls than one slow decoder can serve: finals come late but complete; only partials are dropped. */
class StreamingOverloadTest {

    private static final int CALLS = 12;
    private static final int MAX_QUEUED = 3;

    @Test
    void finalsAreLateButCompleteAndOnlyPartialsAreDropped() {
        short[] pcm = Bursts.silence(13_000).tone(500, 6_500).tone(8_000, 11_000).pcm();
        List<ScriptedRecognizer.Word> script = StreamingSpeechToTextTest.concat(
                ScriptedRecognizer.evenly("a", 20, 500, 300), ScriptedRecognizer.evenly("b", 10, 8_000, 300));
        AtomicLong finalsDecoded = new AtomicLong();
        AtomicLong droppedSeen = new AtomicLong();
        AtomicLong finalsDelivered = new AtomicLong();
        RecognitionMetricsListener metrics = new RecognitionMetricsListener() {
            @Override
            public void onDecode(DecodeSample sample) {
                if (sample.priority() == Priority.FINAL) {
                    finalsDecoded.incrementAndGet();
                }
            }

            @Override
            public void onFinalDelivered(String callId, String party, int index, long latencyNanos) {
                finalsDelivered.incrementAndGet();
            }

            @Override
            public void onPartialDropped(String callId) {
                droppedSeen.incrementAndGet();
            }
        };
        ScriptedRecognizer decoder = new ScriptedRecognizer(script, 15);
        List<List<TranscriptSegment>> perCall = new ArrayList<>();
        SchedulerStats stats;
        RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, MAX_QUEUED), metrics);
        try (scheduler) {
            StreamingSpeechToText stt = new StreamingSpeechToText(StreamingSettings.defaults(), decoder, scheduler);
            List<TranscriptionSession> sessions = new ArrayList<>();
            for (int c = 0; c < CALLS; c++) {
                List<TranscriptSegment> segments = new CopyOnWriteArrayList<>();
                perCall.add(segments);
                sessions.add(stt.open("call-" + c, "customer", segments::add));
            }
            for (int offset = 0; offset < pcm.length; offset += 320) {
                short[] frame = Arrays.copyOfRange(pcm, offset, offset + 320);
                for (TranscriptionSession s : sessions) {
                    s.accept(offset / 16, frame);
                }
                StreamingSpeechToTextTest.pace();
            }
            sessions.forEach(TranscriptionSession::close);
        }
        // Read after close, which waits for the workers: a final decode made redundant by its speculative twin
        // may still be finishing when the sessions have closed, between its callback and its count.
        stats = scheduler.stats();

        for (List<TranscriptSegment> segments : perCall) {
            StreamingSpeechToTextTest.assertConsistent(segments, script);
        }
        assertThat(finalsDelivered.get()).isEqualTo(2L * CALLS);
        // some finals come from their speculative decode; the final jobs of the others all ran
        assertThat(stats.decodedFinals()).isEqualTo(finalsDecoded.get()).isLessThanOrEqualTo(2L * CALLS);
        assertThat(stats.droppedPartials()).isPositive().isEqualTo(droppedSeen.get());
        assertThat(stats.maxQueuedPartials()).isLessThanOrEqualTo(MAX_QUEUED);
        // at most one final per call waits at once on top of the bounded partials
        assertThat(stats.maxQueueDepth()).isLessThanOrEqualTo(MAX_QUEUED + CALLS);
        assertThat(stats.queueDepth()).isZero();
    }
}
