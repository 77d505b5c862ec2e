package io.earpiece.stt;

import io.earpiece.stt.testaudio.Bursts;
import io.earpiece.stt.vad.VadSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentingSpeechToTextTest {

    private static final VadSettings VAD = VadSettings.defaults();
    /** Three bursts; the last runs into the end of the stream. */
    private static final short[] THREE_BURSTS = Bursts.silence(9_000)
            .tone(500, 1_500).tone(3_000, 4_000).tone(6_000, 9_000).pcm();

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<TranscriptSegment> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A recognizer that answers with a function of the utterance. */
    private static SpeechRecognizer fake(Function<Utterance, String> answer) {
        return new SpeechRecognizer() {
            @Override
            public String transcribe(Utterance utterance) {
                return answer.apply(utterance);
            }

            @Override
            public String describe() {
                return "fake";
            }
        };
    }

    private static void feed(TranscriptionSession session, short[] pcm, int chunk) {
        for (int offset = 0; offset < pcm.length; offset += chunk) {
            session.accept(offset / 16, Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + chunk)));
        }
    }

    @Test
    void deliversEachUtteranceAsAFinalSegmentAndCloseWaitsForTheLast() {
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> {
            sleep(150);
            return " words " + u.index() + " ";
        }), executor);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, THREE_BURSTS, 320);
        session.close();

        assertThat(delivered).containsExactly(
                new TranscriptSegment("call-1", "rep", 0, 500, 1_800, "words 0", true),
                new TranscriptSegment("call-1", "rep", 1, 3_000, 4_300, "words 1", true),
                new TranscriptSegment("call-1", "rep", 2, 6_000, 9_000, "words 2", true));
    }

    @Test
    void keepsIndexOrderWhenALaterRecognitionFinishesFirst() {
        CountDownLatch laterDone = new CountDownLatch(1);
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> {
            if (u.index() == 0) {
                await(laterDone); // the first utterance finishes only after the second
            } else {
                laterDone.countDown();
            }
            return "u" + u.index();
        }), executor);
        TranscriptionSession session = stt.open("call-1", "customer", delivered::add);
        feed(session, THREE_BURSTS, 320);
        session.close();

        assertThat(delivered).extracting(TranscriptSegment::index).containsExactly(0, 1, 2);
        assertThat(delivered).extracting(TranscriptSegment::text).containsExactly("u0", "u1", "u2");
        assertThat(delivered).allMatch(TranscriptSegment::isFinal);
    }

    @Test
    void aFailedRecognitionStillDeliversTheSegmentWithoutText() {
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> {
            if (u.index() == 1) {
                throw new IllegalStateException("model exploded");
            }
            return "ok";
        }), executor);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, THREE_BURSTS, 320);
        session.close();

        assertThat(delivered).extracting(TranscriptSegment::text).containsExactly("ok", "", "ok");
        assertThat(delivered.get(1).startMs()).isEqualTo(3_000);
    }

    @Test
    void aRejectingExecutorStillDeliversTheSegments() {
        executor.shutdown();
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> "never"), executor);
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, THREE_BURSTS, 320);
        session.close();

        assertThat(delivered).extracting(TranscriptSegment::text).containsExactly("", "", "");
    }

    @Test
    void chunkSizeDoesNotChangeTheSegments() {
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> u.samples().length + ""), executor);
        TranscriptionSession framed = stt.open("call-1", "rep", delivered::add);
        feed(framed, THREE_BURSTS, 320);
        framed.close();
        List<TranscriptSegment> odd = new CopyOnWriteArrayList<>();
        TranscriptionSession chunked = stt.open("call-1", "rep", odd::add);
        feed(chunked, THREE_BURSTS, 592); // 37 ms: not a multiple of the 20 ms frame
        chunked.close();

        assertThat(odd).isEqualTo(delivered).hasSize(3);
    }

    @Test
    void partiesAreIndexedIndependently() {
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> u.party()), executor);
        TranscriptionSession rep = stt.open("call-1", "rep", delivered::add);
        TranscriptionSession customer = stt.open("call-1", "customer", delivered::add);
        feed(rep, THREE_BURSTS, 320);
        feed(customer, Bursts.silence(3_000).tone(1_000, 2_000).pcm(), 320);
        rep.close();
        customer.close();

        assertThat(delivered).filteredOn(s -> s.party().equals("customer"))
                .extracting(TranscriptSegment::index).containsExactly(0);
        assertThat(delivered).filteredOn(s -> s.party().equals("rep"))
                .extracting(TranscriptSegment::index).containsExactly(0, 1, 2);
    }

    @Test
    void closeGivesUpAfterItsTimeoutWhenARecognitionHangs() {
        CountDownLatch never = new CountDownLatch(1);
        SpeechToText stt = new SegmentingSpeechToText(VAD, fake(u -> {
            await(never);
            return "late";
        }), executor, Duration.ofMillis(300));
        TranscriptionSession session = stt.open("call-1", "rep", delivered::add);
        feed(session, THREE_BURSTS, 320);
        long started = System.nanoTime();
        session.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(delivered).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // stands in for recognition work, not for synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
