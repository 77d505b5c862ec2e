package io.earpiece.stt.scheduling;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RecognitionSchedulerTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();

    private RecognitionTask task(Priority priority, long callOrder, String name) {
        return new RecognitionTask(priority, callOrder, "call-" + callOrder, 1_000, () -> ran.add(name),
                () -> dropped.add(name));
    }

    /** Occupies the single worker until the returned latch is counted down. */
    private CountDownLatch block(RecognitionScheduler scheduler) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        scheduler.submit(new RecognitionTask(Priority.FINAL, -1, "blocker", 1_000, () -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, null));
        await().atMost(5, TimeUnit.SECONDS).until(() -> started.getCount() == 0);
        return release;
    }

    @Test
    void servesFinalsBeforePartialsAndTheOldestCallFirst() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16))) {
            CountDownLatch release = block(scheduler);
            scheduler.submit(task(Priority.PARTIAL, 1, "p1"));
            scheduler.submit(task(Priority.FINAL, 2, "f2"));
            scheduler.submit(task(Priority.PARTIAL, 0, "p0"));
            scheduler.submit(task(Priority.FINAL, 1, "f1a"));
            assertThat(scheduler.stats().queueDepth()).isEqualTo(4);
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 4);
        }
        assertThat(ran).containsExactly("f1a", "f2", "p0", "p1");
        assertThat(dropped).isEmpty();
    }

    @Test
    void aCallsBacklogDoesNotHoldUpAnotherCallsFinals() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16))) {
            CountDownLatch release = block(scheduler);
            // the older call has fallen behind with three finals; the newer call's one final arrives after them
            scheduler.submit(task(Priority.FINAL, 1, "a1"));
            scheduler.submit(task(Priority.FINAL, 1, "a2"));
            scheduler.submit(task(Priority.FINAL, 1, "a3"));
            scheduler.submit(task(Priority.FINAL, 2, "b1"));
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 4);
        }
        assertThat(ran).as("calls take turns; each call's own finals keep their order")
                .containsExactly("a1", "b1", "a2", "a3");
    }

    @Test
    void overTheBoundDropsTheLeastUrgentPartialsAndNeverAFinal() {
        SchedulerStats stats;
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 2))) {
            CountDownLatch release = block(scheduler);
            scheduler.submit(task(Priority.PARTIAL, 1, "p1"));
            scheduler.submit(task(Priority.PARTIAL, 2, "p2"));
            scheduler.submit(task(Priority.PARTIAL, 3, "p3"));   // newest call's partial: itself dropped
            scheduler.submit(task(Priority.PARTIAL, 0, "p0"));   // older call: p2 makes room
            scheduler.submit(task(Priority.FINAL, 5, "f5"));     // p1 makes room
            scheduler.submit(task(Priority.FINAL, 6, "f6"));     // p0 makes room
            scheduler.submit(task(Priority.FINAL, 7, "f7"));     // no partial left: the queue grows
            assertThat(dropped).containsExactly("p3", "p2", "p1", "p0");
            stats = scheduler.stats();
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 3);
        }
        assertThat(ran).containsExactly("f5", "f6", "f7");
        assertThat(stats.droppedPartials()).isEqualTo(4);
        assertThat(stats.queuedFinals()).isEqualTo(3);
        assertThat(stats.maxQueuedPartials()).isEqualTo(2);
    }

    @Test
    void partialsHaveTheirOwnSmallerBoundThatSpeculativeFinalsAreNotCountedIn() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16, 1))) {
            CountDownLatch release = block(scheduler);
            scheduler.submit(task(Priority.PARTIAL, 1, "p1"));
            scheduler.submit(task(Priority.PARTIAL, 2, "p2"));       // a partial waits already: newer call, dropped
            scheduler.submit(task(Priority.SPECULATIVE, 3, "s3"));   // not a partial: queued
            scheduler.submit(task(Priority.PARTIAL, 0, "p0"));       // older call: p1 makes room
            assertThat(dropped).containsExactly("p2", "p1");
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 2);
        }
        assertThat(ran).containsExactly("s3", "p0");
    }

    @Test
    void aBusyPoolDropsNewPartialsButStillQueuesSpeculativeAndFinalDecodes() {
        SchedulerStats stats;
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16, 16, 0.01))) {
            CountDownLatch release = block(scheduler);
            spin(100); // the worker has now been busy for more than 1 % of the 3 s window
            scheduler.submit(task(Priority.PARTIAL, 0, "p0"));
            scheduler.submit(task(Priority.SPECULATIVE, 0, "s0"));
            scheduler.submit(task(Priority.FINAL, 0, "f0"));
            assertThat(dropped).containsExactly("p0");
            stats = scheduler.stats();
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 2);
        }
        assertThat(ran).containsExactly("f0", "s0");
        assertThat(stats.droppedPartials()).isEqualTo(1);
    }

    @Test
    void reportsDecodeTimingAndRealTimeFactor() {
        List<DecodeSample> samples = new CopyOnWriteArrayList<>();
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(2, 4),
                new RecognitionMetricsListener() {
                    @Override
                    public void onDecode(DecodeSample sample) {
                        samples.add(sample);
                    }
                })) {
            scheduler.submit(new RecognitionTask(Priority.FINAL, 0, "call-0", 2_000, () -> spin(20), null));
            await().atMost(5, TimeUnit.SECONDS).until(() -> samples.size() == 1);
            SchedulerStats stats = scheduler.stats();
            assertThat(stats.decodedFinals()).isEqualTo(1);
            assertThat(stats.lastDecodeMs()).isGreaterThanOrEqualTo(15);
        }
        DecodeSample s = samples.get(0);
        assertThat(s.decodeMs()).isGreaterThanOrEqualTo(15);
        assertThat(s.realTimeFactor()).isEqualTo(s.decodeMs() / 2_000);
    }

    @Test
    void closeFinishesQueuedFinalsDropsPartialsAndRefusesNewWork() {
        RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 8));
        CountDownLatch release = block(scheduler);
        scheduler.submit(task(Priority.PARTIAL, 0, "p0"));
        scheduler.submit(task(Priority.FINAL, 0, "f0"));
        new Thread(() -> {
            await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.contains("p0"));
            release.countDown();
        }).start();
        scheduler.close();
        assertThat(ran).containsExactly("f0");
        assertThat(dropped).containsExactly("p0");
        assertThat(scheduler.submit(task(Priority.FINAL, 1, "late"))).isFalse();
    }

    /** After-call work: records its name when it runs (after {@code before}, if given). */
    private RecognitionTask background(long order, String name, long yieldUntilNanos, Runnable before) {
        return new RecognitionTask(Priority.BACKGROUND, order, "after-" + order, 1_000, () -> {
            before.run();
            ran.add(name);
        }, () -> dropped.add(name), yieldUntilNanos);
    }

    @Test
    void backgroundWorkRunsAfterLiveWorkAndNeitherCrowdsOutPartialsNorIsDropped() {
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 3, 2, 1.0, 1.0))) {
            CountDownLatch release = block(scheduler);
            long due = System.nanoTime();
            scheduler.submit(background(0, "b0", due, () -> { }));
            scheduler.submit(background(1, "b1", due, () -> { }));
            scheduler.submit(background(2, "b2", due, () -> { }));
            scheduler.submit(task(Priority.PARTIAL, 0, "p0"));
            scheduler.submit(task(Priority.PARTIAL, 1, "p1"));
            scheduler.submit(task(Priority.FINAL, 0, "f0"));
            assertThat(dropped).as("three queued background jobs do not count in the bound of three live jobs")
                    .isEmpty();
            assertThat(scheduler.stats().queuedFinals()).isEqualTo(1);
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 6);
        }
        assertThat(ran).containsExactly("f0", "p1", "p0", "b0", "b1", "b2");
    }

    @Test
    void backgroundWorkLeavesAWorkerFreeForALiveFinal() {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> {
            started.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(2, 16, 2, 1.0, 1.0))) {
            long due = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                scheduler.submit(background(i, "b" + i, due, hold));
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> started.get() == 1);
            scheduler.submit(task(Priority.FINAL, 0, "f0"));
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.contains("f0"));
            assertThat(started.get()).as("two workers: background work takes one at most").isEqualTo(1);
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.size() == 4);
        }
        assertThat(ran).containsExactly("f0", "b0", "b1", "b2");
    }

    @Test
    void backgroundWorkWaitsForTheLiveLoadToFallUntilItsDeadline() {
        Map<String, Long> ranAt = new ConcurrentHashMap<>();
        long released;
        try (RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 16, 2, 1.0, 0.01))) {
            CountDownLatch release = block(scheduler); // a live decode: the workers were busy lately
            long now = System.nanoTime();
            scheduler.submit(background(0, "due", now, () -> ranAt.put("due", System.nanoTime())));
            scheduler.submit(background(1, "held", now + TimeUnit.HOURS.toNanos(1),
                    () -> ranAt.put("held", System.nanoTime())));
            released = System.nanoTime();
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.contains("due"));
            await().atMost(15, TimeUnit.SECONDS).until(() -> ran.contains("held"));
        }
        assertThat(ranAt.get("held") - released)
                .as("held until the live decode has left the 3 s window (under 1 % busy)")
                .isGreaterThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(ranAt.get("due")).isLessThan(ranAt.get("held"));
    }

    @Test
    void closeDropsWaitingBackgroundWork() {
        RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(1, 8));
        CountDownLatch release = block(scheduler);
        scheduler.submit(background(0, "b0", System.nanoTime(), () -> { }));
        new Thread(() -> {
            await().atMost(5, TimeUnit.SECONDS).until(() -> dropped.contains("b0"));
            release.countDown();
        }).start();
        scheduler.close();
        assertThat(ran).isEmpty();
        assertThat(dropped).containsExactly("b0");
    }

    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
