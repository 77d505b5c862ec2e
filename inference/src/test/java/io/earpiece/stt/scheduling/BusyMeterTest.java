package io.earpiece.stt.scheduling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BusyMeterTest {

    private static final long S = 1_000_000_000L;

    @Test
    void countsFinishedAndRunningDecodesInsideTheWindowOnly() {
        BusyMeter meter = new BusyMeter(4 * S, 2);
        long a = meter.started(0);
        meter.ended(a, 2 * S);            // 2 s busy, half of it before the window at t=5 s
        long b = meter.started(3 * S);    // still running at t=5 s: 2 s
        assertThat(meter.utilization(5 * S)).isCloseTo((1.0 + 2.0) / 8.0, within(1e-9));
        meter.ended(b, 6 * S);
        assertThat(meter.utilization(10 * S)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void neverReportsMoreThanFullyBusy() {
        BusyMeter meter = new BusyMeter(S, 1);
        meter.started(0);
        meter.started(0);
        assertThat(meter.utilization(2 * S)).isEqualTo(1.0);
    }
}
