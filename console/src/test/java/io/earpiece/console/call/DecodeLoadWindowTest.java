package io.earpiece.console.call;

import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeLoadWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private long now = 1_000_000 * MS;
    private final DecodeLoadWindow window = new DecodeLoadWindow(1_000 * MS, () -> now);

    private void decoded(Priority priority, double waitMs, double decodeMs) {
        window.onDecode(new DecodeSample(priority, "c", 1_000, waitMs, decodeMs, decodeMs / 1_000));
    }

    @Test
    void busyCountsOnlyTheDecodeTimeInsideTheWindow() {
        decoded(Priority.PARTIAL, 0, 200);
        now += 900 * MS; // the partial ended 900 ms ago: 100 ms of it are inside the window now
        decoded(Priority.FINAL, 50, 300);

        DecodeLoadWindow.Snapshot s = window.snapshot();
        assertThat(s.busyWorkerNanos()).isEqualTo(400 * MS);
        assertThat(s.essentialWorkerNanos()).as("the final's decode, not the partial's").isEqualTo(300 * MS);
        assertThat(s.finals()).isEqualTo(1);
        assertThat(s.finalLagP95Nanos()).isEqualTo(350 * MS);
    }

    @Test
    void theP95IsOverFinalsOnlyAndOldSamplesLeave() {
        for (int i = 1; i <= 20; i++) {
            decoded(Priority.FINAL, 0, i * 10);
        }
        decoded(Priority.PARTIAL, 5_000, 10);
        assertThat(window.snapshot().finalLagP95Nanos()).isEqualTo(190 * MS);

        now += 1_000 * MS;
        assertThat(window.snapshot()).isEqualTo(new DecodeLoadWindow.Snapshot(0, 0, 0, 0));
    }

    @Test
    void speculativeDecodesAreEssentialWorkAndPartialsAreNot() {
        decoded(Priority.SPECULATIVE, 0, 120);
        decoded(Priority.PARTIAL, 0, 500);
        DecodeLoadWindow.Snapshot s = window.snapshot();
        assertThat(s.busyWorkerNanos()).isEqualTo(620 * MS);
        assertThat(s.essentialWorkerNanos()).isEqualTo(120 * MS);
        assertThat(s.finals()).isZero();
    }
}
