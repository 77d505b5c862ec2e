package io.earpiece.console.call;

import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.Priority;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission controller on a fake clock with a fake decoder: decode samples are fed as the scheduler would
 * report them, so each rule is checked without whisper or a real machine's speed.
 */
class LiveCapacityControllerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int WORKERS = 2;

    private long now = 1_000 * SECOND;
    private final DecodeLoadWindow load = new DecodeLoadWindow(10 * SECOND, () -> now);

    /** Numbers the calls offered: "call-0", "call-1", ..., as {@link #decode} names them. */
    private int offered;

    /**
     * Auto capacity (no bound), 10 to start with, 400 ms budget, 85 % busy limit, 70 % target, 5 s hold, at most 3
     * calls on trial, 10 s trial, nothing taken as carried before it is measured (so the ramp holds from the start).
     */
    private LiveCapacityController controller(int ceiling, int initial) {
        return new LiveCapacityController(new LiveCapacityController.Settings(ceiling, initial, WORKERS,
                TimeUnit.MILLISECONDS.toNanos(400), 0.85, 0.7, 5 * SECOND, 3, 10 * SECOND, 0), load, () -> now);
    }

    /**
     * A fake decoder: for {@code seconds}, each live call has one final per second that decoded in
     * {@code decodeMs} after waiting {@code waitMs}; time advances as it goes.
     */
    private void decode(int calls, int seconds, double decodeMs, double waitMs) {
        decode(java.util.stream.IntStream.range(0, calls).mapToObj(c -> "call-" + c).toList(), seconds, decodeMs,
                waitMs);
    }

    /** The fake decoder for the calls named. */
    private void decode(List<String> calls, int seconds, double decodeMs, double waitMs) {
        for (int s = 0; s < seconds; s++) {
            now += SECOND;
            for (String call : calls) {
                load.onDecode(new DecodeSample(Priority.FINAL, call, 2_000, waitMs, decodeMs, decodeMs / 2_000));
            }
        }
    }

    /** {@code calls} arriving at once (a burst): how many are admitted live. */
    private int burst(LiveCapacityController controller, int calls) {
        return admitted(controller, calls).size();
    }

    /** {@code calls} arriving at once: the ones admitted live. */
    private List<String> admitted(LiveCapacityController controller, int calls) {
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String id = "call-" + offered++;
            if (controller.tryAdmit(id)) {
                admitted.add(id);
            }
        }
        return admitted;
    }

    /**
     * {@code calls} arriving one after another, each admitted one speaking (a first final of no cost decoded) before
     * the next arrives, so that the ramp never holds them: the rules on the measured load alone.
     */
    private int admit(LiveCapacityController controller, int calls) {
        int admitted = 0;
        for (int i = 0; i < calls; i++) {
            String id = "call-" + offered++;
            if (controller.tryAdmit(id)) {
                load.onDecode(new DecodeSample(Priority.FINAL, id, 500, 0, 0, 0));
                admitted++;
            }
        }
        return admitted;
    }

    private boolean admitOne(LiveCapacityController controller) {
        return admit(controller, 1) == 1;
    }

    @Test
    void beforeAnythingIsMeasuredItAdmitsTheInitialCapacity() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);

        assertThat(admit(c, 20)).isEqualTo(10);
        assertThat(c.state().reason()).contains("nothing measured yet");
    }

    @Test
    void admitsMoreWhileUnderBudgetOneCallPerHoldPeriod() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 4);
        assertThat(admit(c, 4)).isEqualTo(4);
        // four calls cost 4 × 0.1 worker-s/s = 20 % of two workers: room for 14 at the 70 % target
        decode(4, 10, 100, 0);
        assertThat(admitOne(c)).isTrue();
        assertThat(c.state().capacity()).isEqualTo(5);
        assertThat(c.state().reason()).startsWith("room measured");
        assertThat(admitOne(c)).as("the next raise waits for the hold period").isFalse();
        decode(5, 5, 100, 0);
        assertThat(admitOne(c)).isTrue();
        assertThat(c.state().capacity()).isEqualTo(6);
    }

    @Test
    void stopsAdmittingWhenTheFinalsBacklogGrowsAndNeverEvicts() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        assertThat(admit(c, 8)).isEqualTo(8);
        // the machine got slower (shared): finals wait 350 ms for a worker and decode in 150 ms
        decode(8, 10, 150, 350);

        assertThat(admitOne(c)).isFalse();
        LiveCapacityController.State s = c.state();
        assertThat(s.capacity()).isEqualTo(8);
        assertThat(s.live()).as("no admitted call is taken off").isEqualTo(8);
        assertThat(s.finalLagP95Ms()).isEqualTo(500);
        assertThat(s.reason()).startsWith("at the limit").contains("p95 500 ms (budget 400 ms)");
    }

    @Test
    void farBehindItStopsReplacingCallsThatEnd() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        admit(c, 10);
        decode(10, 10, 300, 700);

        assertThat(c.state().capacity()).isEqualTo(9);
        assertThat(c.state().live()).isEqualTo(10);
        c.released("call-" + --offered);
        assertThat(admitOne(c)).as("a call ending frees no place while finals are far behind").isFalse();
    }

    @Test
    void busyWorkersStopAdmissionEvenBeforeFinalsLag() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        admit(c, 6);
        // six calls, each 0.3 worker-s/s: 90 % of two workers, finals still on time
        decode(6, 10, 300, 0);

        assertThat(admitOne(c)).isFalse();
        assertThat(c.state().busy()).isGreaterThan(0.85);
    }

    @Test
    void dearerCallsLowerTheCapacityBeforeTheyLag() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        admit(c, 2);
        // each call costs 0.34 worker-s/s (recorded-only calls and sipp on the same cores): 70 % of 2 workers = 4
        decode(2, 10, 340, 0);

        assertThat(c.state().capacity()).isEqualTo(4);
        assertThat(c.state().reason()).startsWith("calls cost more");
        assertThat(admit(c, 5)).isEqualTo(2);
    }

    @Test
    void recoversOnceTheLoadFalls() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        admit(c, 8);
        decode(8, 10, 150, 350);
        assertThat(c.state().capacity()).isEqualTo(8);
        for (int i = 0; i < 6; i++) {
            c.released("call-" + --offered);
        }
        // two calls left, decoding quickly: the capacity climbs back, one call per hold period
        decode(2, 10, 80, 0);
        int before = c.state().capacity();
        decode(2, 6, 80, 0);
        assertThat(c.state().capacity()).isEqualTo(before + 1);
        decode(2, 60, 80, 0);
        assertThat(c.state().capacity()).isGreaterThanOrEqualTo(10);
        assertThat(c.state().reason()).startsWith("room measured");
    }

    @Test
    void theConfiguredCapacityIsAnUpperBound() {
        LiveCapacityController c = controller(3, 3);
        assertThat(admit(c, 5)).isEqualTo(3);
        decode(3, 60, 10, 0);
        c.released("call-" + --offered);
        assertThat(admit(c, 5)).isEqualTo(1);
        assertThat(c.state().capacity()).isEqualTo(3);
    }

    @Test
    void silentCallsTeachNothingAboutTheirCost() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        for (int step = 0; step < 4; step++) {
            burst(c, 3);
            now += 10 * SECOND; // nobody said anything: each step leaves its trial silent
        }
        assertThat(c.state().live()).isEqualTo(10);

        assertThat(c.state().costPerCall()).isNaN();
        assertThat(c.state().capacity()).isEqualTo(10);
    }

    @Test
    void partialsFillingIdleWorkersDoNotLowerTheCapacity() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        assertThat(admit(c, 1)).isEqualTo(1);
        // one call alone: a cheap final a second, and partials re-decoding its speech for 600 ms of every second,
        // which ten calls would not get (partials are dropped first when the workers are busy)
        for (int s = 0; s < 10; s++) {
            now += SECOND;
            load.onDecode(new DecodeSample(Priority.FINAL, "call-0", 2_000, 0, 60, 0.03));
            load.onDecode(new DecodeSample(Priority.PARTIAL, "call-0", 2_000, 0, 600, 0.3));
        }
        assertThat(admit(c, 9)).as("the finals' cost leaves room for the other nine").isEqualTo(9);
    }

    @Test
    void aBusySpellThatJustEndedDoesNotShutTheFewCallsLeftOut() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        admit(c, 10);
        // ten calls lagging a little over budget, then nine hang up: the window still holds their lag
        decode(10, 10, 150, 300);
        for (int i = 0; i < 9; i++) {
            c.released("call-" + --offered);
        }
        assertThat(admit(c, 20)).as("the lag was made by ten calls, so up to ten are live again").isEqualTo(9);
    }

    // The ramp: a burst is admitted a few calls at a time, each step measured before the next.

    @Test
    void aBurstIsAdmittedAFewCallsAtATimeNotOnTheCapacityInForce() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);

        // twenty at once: the old rule admitted the ten the initial capacity allowed, before any was measured
        assertThat(burst(c, 20)).isEqualTo(3);
        assertThat(c.state().onTrial()).isEqualTo(3);
        assertThat(c.state().lastDeferral()).startsWith("ramp: 3 calls admitted lately are not measured yet");
    }

    @Test
    void theNextStepIsAdmittedOnceTheFirstOnesCostShows() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        List<String> live = new ArrayList<>(admitted(c, 5));
        assertThat(live).hasSize(3);
        // the three speak: their finals decode quickly, well within budget
        decode(live, 2, 100, 0);
        assertThat(c.state().onTrial()).isZero();

        List<String> second = admitted(c, 5);
        assertThat(second).hasSize(3);
        live.addAll(second);
        decode(live.subList(0, 5), 2, 100, 0);
        List<String> third = admitted(c, 5);
        assertThat(third).as("one of the second step has not spoken yet: it holds its place in the ramp").hasSize(2);
        live.addAll(third);
        decode(live, 2, 100, 0);
        assertThat(burst(c, 5)).as("three at a time still, as the measured room allows").isEqualTo(3);
        assertThat(c.state().live()).isEqualTo(11);
        assertThat(c.state().capacity()).as("raised once by the room measured").isEqualTo(11);
    }

    @Test
    void aBurstUpToALoadAlreadyCarriedWithinBudgetGoesLiveAtOnce() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        List<String> live = new ArrayList<>();
        for (int step = 0; step < 4 && live.size() < 10; step++) {
            live.addAll(admitted(c, Math.min(3, 10 - live.size())));
            decode(live, 2, 100, 0);
        }
        assertThat(live).hasSize(10);
        decode(live, 6, 100, 0);
        live.forEach(c::released);

        // the next ten arrive together: ten measured calls kept within budget, so no ramp up to ten
        assertThat(burst(c, 10)).isEqualTo(10);
        assertThat(burst(c, 10)).as("beyond the load carried, the ramp (and the capacity) hold").isZero();
    }

    @Test
    void byDefaultTheStartingCapacityCountsAsCarriedUntilALagSaysOtherwise() {
        LiveCapacityController c = new LiveCapacityController(new LiveCapacityController.Settings(Integer.MAX_VALUE,
                10, WORKERS, TimeUnit.MILLISECONDS.toNanos(400), 0.85, 0.7, 5 * SECOND, 3, 10 * SECOND), load,
                () -> now);

        List<String> first = admitted(c, 20);
        assertThat(first).as("the ten the starting capacity allows, at once; the rest deferred").hasSize(10);
        decode(first, 4, 300, 600);
        first.forEach(c::released);
        assertThat(burst(c, 10)).as("they lagged: the ramp from now on").isEqualTo(3);
    }

    @Test
    void aLoadAtItsLimitIsStillCarriedButNoMore() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        List<String> live = new ArrayList<>();
        for (int step = 0; step < 4 && live.size() < 10; step++) {
            live.addAll(admitted(c, Math.min(3, 10 - live.size())));
            decode(live, 2, 100, 0);
        }
        // the ten lag a little past the budget (not twice it): ten is this machine's limit
        decode(live, 4, 150, 300);
        live.forEach(c::released);

        assertThat(burst(c, 20)).as("what it carried at its limit (nine or ten by the measured cost) goes live at "
                + "once, not three by three").isBetween(9, 10);
    }

    @Test
    void aLoadThatLaggedIsNoLongerCountedAsCarried() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        List<String> live = new ArrayList<>();
        for (int step = 0; step < 4 && live.size() < 10; step++) {
            live.addAll(admitted(c, Math.min(3, 10 - live.size())));
            decode(live, 2, 100, 0);
        }
        // the machine got slower (another tenant): the ten lag past twice the budget
        decode(live, 4, 300, 600);
        live.forEach(c::released);

        assertThat(burst(c, 10)).as("the ramp again: the ten are not a load this machine carries now").isEqualTo(3);
    }

    @Test
    void aStepThatLagsStopsTheRampSoTheCallsAdmittedKeepTheirLatency() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        List<String> live = new ArrayList<>(admitted(c, 3));
        decode(live, 3, 100, 0);
        live.addAll(admitted(c, 3));
        assertThat(live).hasSize(6);
        // six calls on a shared machine (deferred calls recording, other work): their finals wait and lag past budget
        decode(live, 3, 150, 300);

        assertThat(burst(c, 10)).as("the measured step is the limit; ten were admitted at once before").isZero();
        assertThat(c.state().live()).isEqualTo(6);
        assertThat(c.state().lastDeferral()).contains("at the limit");
    }

    @Test
    void aCallThatDoesNotSpeakLeavesTheTrialAfterItsTrialTime() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        assertThat(burst(c, 4)).isEqualTo(3);
        now += 9 * SECOND;
        assertThat(burst(c, 1)).as("still on trial after 9 s").isZero();
        now += SECOND;
        assertThat(burst(c, 4)).as("silent for the 10 s trial: nothing to measure, nothing it costs").isEqualTo(3);
    }

    @Test
    void aCallOnTrialThatEndsFreesItsPlaceInTheRamp() {
        LiveCapacityController c = controller(Integer.MAX_VALUE, 10);
        assertThat(burst(c, 3)).isEqualTo(3);
        c.released("call-1");

        assertThat(c.state().onTrial()).isEqualTo(2);
        assertThat(burst(c, 2)).isEqualTo(1);
    }

    @Test
    void theRampStepIsConfigured() {
        LiveCapacityController c = new LiveCapacityController(new LiveCapacityController.Settings(Integer.MAX_VALUE,
                10, WORKERS, TimeUnit.MILLISECONDS.toNanos(400), 0.85, 0.7, 5 * SECOND, 1, 10 * SECOND, 0), load,
                () -> now);

        assertThat(burst(c, 20)).isEqualTo(1);
    }
}
