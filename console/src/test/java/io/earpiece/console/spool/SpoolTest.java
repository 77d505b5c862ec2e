package io.earpiece.console.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.earpiece.console.spool.SpoolRecordCodecTest.aFinal;
import static org.assertj.core.api.Assertions.assertThat;

class SpoolTest {

    @TempDir
    Path dir;

    /** A database as the drainer sees it: keyed like the real tables, so a replay stores nothing new. */
    static final class FakeStore implements SpoolDrainer.RecordWriter {
        final Map<String, SpoolRecord> stored = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public void write(SpoolRecord record) {
            writes.add(record.key());
            stored.putIfAbsent(record.key(), record);
        }
    }

    /** Writes what is pending, in order, as the drainer does. */
    private static void drain(Spool spool, SpoolDrainer.RecordWriter store) throws Exception {
        Optional<Spool.Pending> next;
        while ((next = spool.next(Duration.ZERO)).isPresent()) {
            store.write(next.get().record());
            spool.written(next.get());
        }
    }

    @Test
    void recordsComeOutInTheOrderTheyWentInAcrossFilesWhichAreDeletedOnceWritten() throws Exception {
        int one = SpoolRecordCodec.encode(aFinal("c1", 0)).length;
        try (Spool spool = new Spool(dir, 1 << 20, one * 3L)) {
            for (int i = 0; i < 10; i++) {
                assertThat(spool.append(aFinal(i % 2 == 0 ? "a" : "b", i))).isTrue();
            }
            assertThat(files()).hasSize(4);
            assertThat(spool.pending()).isEqualTo(10);
            FakeStore store = new FakeStore();
            drain(spool, store);
            assertThat(store.writes).containsExactly(keys(0, 10, i -> i % 2 == 0 ? "a" : "b").toArray(String[]::new));
            assertThat(spool.pending()).isZero();
            assertThat(spool.bytes()).isZero();
            assertThat(files()).as("all written, all space given back").isEmpty();
            assertThat(spool.append(aFinal("a", 10))).isTrue();
            assertThat(spool.next(Duration.ZERO)).get().extracting(p -> p.record().key()).isEqualTo("final/a/customer#10");
        }
    }

    @Test
    void boundedByMaxBytesAndTakesRecordsAgainOnceDrained() throws Exception {
        int one = SpoolRecordCodec.encode(aFinal("c1", 0)).length;
        try (Spool spool = new Spool(dir, one * 4L, one * 2L)) {
            for (int i = 0; i < 4; i++) {
                assertThat(spool.append(aFinal("c1", i))).isTrue();
            }
            assertThat(spool.append(aFinal("c1", 4))).as("full").isFalse();
            assertThat(spool.full()).isTrue();
            assertThat(spool.refused()).isEqualTo(1);
            assertThat(spool.pending()).isEqualTo(4);
            assertThat(spool.bytes()).isLessThanOrEqualTo(one * 4L);
            drain(spool, new FakeStore());
            assertThat(spool.full()).isFalse();
            assertThat(spool.append(aFinal("c1", 4))).isTrue();
        }
    }

    @Test
    void whatARunLeftIsWrittenAfterARestartAndAReplayStoresNothingTwice() throws Exception {
        FakeStore store = new FakeStore();
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            for (int i = 0; i < 5; i++) {
                spool.append(aFinal("c1", i));
            }
            // two written; the third reached the database but the crash came before it was marked written
            for (int i = 0; i < 2; i++) {
                Spool.Pending p = spool.next(Duration.ZERO).orElseThrow();
                store.write(p.record());
                spool.written(p);
            }
            store.write(spool.next(Duration.ZERO).orElseThrow().record());
        }
        try (Spool restarted = new Spool(dir, 1 << 20, 1 << 20)) {
            assertThat(restarted.recovered()).as("the file is read from its start: written ones come back too")
                    .isEqualTo(5);
            drain(restarted, store);
            assertThat(store.stored.keySet()).containsExactly(keys(0, 5).toArray(String[]::new));
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndCountedAndTheRestIsKept() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            for (int i = 0; i < 3; i++) {
                spool.append(aFinal("c1", i));
            }
        }
        Path file = files().get(0);
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5); // the crash came in the middle of the third append
        }
        try (Spool restarted = new Spool(dir, 1 << 20, 1 << 20)) {
            assertThat(restarted.dropped()).isEqualTo(1);
            assertThat(restarted.pending()).isEqualTo(2);
            FakeStore store = new FakeStore();
            drain(restarted, store);
            assertThat(store.writes).containsExactly(keys(0, 2).toArray(String[]::new));
            // appends go on after the torn bytes were cut off
            assertThat(restarted.append(aFinal("c1", 2))).isTrue();
            drain(restarted, store);
            assertThat(store.writes).containsExactly(keys(0, 3).toArray(String[]::new));
        }
    }

    @Test
    void aScrambledRecordInTheMiddleIsDroppedAndTheOnesAfterItAreKept() throws Exception {
        int one = SpoolRecordCodec.encode(aFinal("c1", 0)).length;
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            for (int i = 0; i < 3; i++) {
                spool.append(aFinal("c1", i));
            }
        }
        Path file = files().get(0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[one + SpoolRecordCodec.HEADER + 5] ^= 0x7f;
        Files.write(file, bytes);
        // a file of zeros, as a crash right after creating and extending it can leave
        Files.write(dir.resolve(String.format("%020d.spool", 9)), new byte[100]);
        try (Spool restarted = new Spool(dir, 1 << 20, 1 << 20)) {
            assertThat(restarted.dropped()).isEqualTo(2);
            FakeStore store = new FakeStore();
            drain(restarted, store);
            assertThat(store.writes).containsExactly("final/c1/customer#0", "final/c1/customer#2");
            assertThat(restarted.dropped()).as("counted once").isEqualTo(2);
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void awaitWrittenWaitsForTheCallsOwnRecordsOnly() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            spool.append(aFinal("a", 0));
            spool.append(aFinal("b", 0));
            assertThat(spool.awaitWritten("b", Duration.ofMillis(10))).isFalse();
            assertThat(spool.awaitWritten("c", Duration.ZERO)).isTrue();
            Spool.Pending first = spool.next(Duration.ZERO).orElseThrow();
            spool.written(first);
            assertThat(spool.awaitWritten("a", Duration.ZERO)).isTrue();
            assertThat(spool.awaitWritten("b", Duration.ZERO)).isFalse();
        }
    }

    @Test
    void theDrainerRetriesWhileTheDatabaseIsAwayAndWritesInOrderWhenItReturns() throws Exception {
        FakeStore store = new FakeStore();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        SpoolDrainer.RecordWriter database = r -> {
            if (down.get()) {
                throw new org.springframework.transaction.CannotCreateTransactionException("connection refused");
            }
            store.write(r);
        };
        try (Spool spool = new Spool(dir, 1 << 20, 1 << 20)) {
            SpoolDrainer drainer = new SpoolDrainer(spool, database, new SpoolProperties(
                    org.springframework.util.unit.DataSize.ofMegabytes(1), org.springframework.util.unit.DataSize.ofMegabytes(1),
                    Duration.ofMillis(5), Duration.ofMillis(20)));
            drainer.start();
            try {
                for (int i = 0; i < 20; i++) {
                    spool.append(aFinal("c1", i));
                }
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> drainer.retries() > 2);
                assertThat(store.writes).isEmpty();
                down.set(false);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> spool.pending() == 0);
                assertThat(store.writes).containsExactly(keys(0, 20).toArray(String[]::new));
                assertThat(drainer.failed()).isZero();
            } finally {
                drainer.stop();
            }
        }
    }

    /** The keys of finals {@code from} to {@code to} (exclusive) of call c1, in order. */
    private static List<String> keys(int from, int to) {
        return keys(from, to, i -> "c1");
    }

    private static List<String> keys(int from, int to, java.util.function.IntFunction<String> call) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add(aFinal(call.apply(i), i).key());
        }
        return keys;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
