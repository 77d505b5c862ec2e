package io.earpiece.console.call;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveCapacitySearchTest {

    @Test
    void stepsOnWhileEveryCallIsAdmittedWithinTheBudgetAndStopsAtTheFirstOverIt() {
        LiveCapacitySearch search = new LiveCapacitySearch(900);
        assertThat(search.next(new LiveCapacitySearch.Step(1, 1, 150, 0))).isTrue();
        assertThat(search.next(new LiveCapacitySearch.Step(2, 2, 400, 0))).isTrue();
        assertThat(search.next(new LiveCapacitySearch.Step(4, 4, 901, 0))).isFalse();
        assertThat(search.figures()).isEqualTo("max_calls_p95_le_900ms=2 offered=1,2,4");
    }

    @Test
    void countsAdmittedCallsNotOfferedOnes() {
        LiveCapacitySearch search = new LiveCapacitySearch(900);
        assertThat(search.next(new LiveCapacitySearch.Step(8, 8, 500, 0))).isTrue();
        assertThat(search.next(new LiveCapacitySearch.Step(10, 9, 600, 0))).as("deferred, but admitted more").isTrue();
        assertThat(search.next(new LiveCapacitySearch.Step(12, 9, 550, 0))).as("deferred, admitted no more").isFalse();
        assertThat(search.figures()).isEqualTo("max_calls_p95_le_900ms=9 offered=8,10,12");
    }

    @Test
    void aMissingFinalOrNoFinalAtAllIsNotWithinTheBudget() {
        LiveCapacitySearch missing = new LiveCapacitySearch(900);
        assertThat(missing.next(new LiveCapacitySearch.Step(1, 1, 100, 1))).isFalse();
        assertThat(missing.figures()).isEqualTo("max_calls_p95_le_900ms=0 offered=1");
        LiveCapacitySearch none = new LiveCapacitySearch(900);
        assertThat(none.next(new LiveCapacitySearch.Step(1, 0, Double.NaN, 0))).isFalse();
        assertThat(none.figures()).startsWith("max_calls_p95_le_900ms=0 ");
    }
}
