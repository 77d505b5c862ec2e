package io.earpiece.console.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/live-e2e's search ({@code LIVE_E2E_FIND_MAX}): the most calls admitted live in one step whose admitted
 * calls' end of speech → final p95 stayed within a budget with no final missing. Admission control decides how many
 * of a step's calls go live, so the figure counts admitted calls, not offered ones.
 */
final class LiveCapacitySearch {

    /** One step: calls offered and admitted live, the admitted calls' final p95 (NaN: none) and finals missing. */
    record Step(int offered, int admitted, double finalP95Ms, long missing) {

        boolean within(double budgetMs) {
            return finalP95Ms <= budgetMs && missing == 0; // NaN (no final at all) is not within
        }
    }

    private final double budgetMs;
    private final List<Step> steps = new ArrayList<>();

    LiveCapacitySearch(double budgetMs) {
        this.budgetMs = budgetMs;
    }

    /**
     * Records a step; false when the search ends with it: its admitted calls passed the budget or missed a final
     * (more calls would not do better), or it deferred calls while admitting no more than an earlier step (admission
     * control says the machine is full).
     */
    boolean next(Step step) {
        int before = steps.stream().mapToInt(Step::admitted).max().orElse(0);
        steps.add(step);
        boolean full = step.admitted() < step.offered() && step.admitted() <= before;
        return step.within(budgetMs) && !full;
    }

    /** {@code max_calls_p95_le_900ms=N offered=1,2,4}: 0 when no step was within the budget. */
    String figures() {
        int best = steps.stream().filter(s -> s.within(budgetMs)).mapToInt(Step::admitted).max().orElse(0);
        return String.format(Locale.ROOT, "max_calls_p95_le_%.0fms=%d offered=%s", budgetMs, best,
                String.join(",", steps.stream().map(s -> String.valueOf(s.offered())).toList()));
    }
}
