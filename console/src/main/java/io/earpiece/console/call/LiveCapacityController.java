package io.earpiece.console.call;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many calls may be transcribed live, from what the decode workers measurably keep up with rather than a fixed
 * count. Over a sliding window it reads the finals' lag (wait for a worker plus decode, the part of end of speech →
 * final that load grows), the workers' busy fraction, and the decode time one live call costs per second of call
 * (both counting finals and speculative finals only: partials are dropped first under load, so they do not limit
 * how many calls fit).
 * <ul>
 *   <li>Finals lagging beyond the budget, or the workers busier than the limit: admit no more calls than were live
 *       at once inside the window, the load that lagged (beyond twice the budget, one fewer).</li>
 *   <li>Otherwise the capacity is what the measured cost per call fills up to the target busy fraction; it falls at
 *       once when calls turn out dearer (a slower or shared machine), but never below the calls live that keep within
 *       budget, and it rises by one call per hold period, only while finals lag under half the budget and the workers
 *       are under the target (hysteresis, so it does not flap).</li>
 * </ul>
 * <b>Ramp.</b> The window learns a call's cost only once its speech reaches the decode workers, seconds after it
 * was admitted. Calls arriving together (twenty at once) would all be admitted on the capacity in force before any of
 * them is measured, and then lag together. So a newly admitted call is <i>on trial</i> until a final (or speculative
 * final) of it has been decoded, or it has been live {@code trial} without speaking (it costs nothing yet); while
 * {@code rampStep} calls are on trial, a further call is deferred. A burst is thus admitted a few calls at a time,
 * each step measured before the next, and the calls already admitted are not slowed by later arrivals; those deferred
 * are answered and recorded as usual and transcribed after their hang-up. The ramp governs only new ground: up to
 * the most calls the window has shown live and measured within budget (a load this machine has carried), a burst is
 * admitted at once, so ten calls arriving together on a machine that has carried ten all go live. Before anything
 * is measured, the starting capacity counts as carried ({@link Settings#carriedAtStart}); a load at its limit caps it
 * at that load, and finals far behind reset it to none.
 * <p>
 * It only decides about new calls: an admitted call is never taken off live transcription. Thread-safe.
 */
public final class LiveCapacityController {

    /** Call-seconds inside the window before a cost per call is learnt from it. */
    private static final double MIN_CALL_SECONDS = 5;
    /** Finals inside the window before a cost per call is learnt from it: calls that said nothing cost nothing yet. */
    private static final int MIN_FINALS = 3;
    /** A dearer call is believed at once (mostly), a cheaper one slowly. */
    private static final double COST_RISING = 0.5;
    private static final double COST_FALLING = 0.1;
    /** The cost is learnt at most this often, so that how often the state is read does not change how fast. */
    private static final long LEARN_INTERVAL_NANOS = 1_000_000_000L;

    /**
     * @param ceiling       the most calls ever admitted ({@code earpiece.live.capacity}, or no bound)
     * @param initial       the capacity before anything was measured
     * @param workers       decode workers
     * @param budgetNanos   finals' lag (p95 over the window) the admitted calls must keep
     * @param busyLimit     busy fraction above which no more calls are admitted
     * @param targetBusy    busy fraction the capacity estimate fills up to
     * @param holdNanos     least time between two raises
     * @param rampStep      calls admitted but not measured yet (on trial) above which new calls are deferred
     * @param trialNanos    how long an admitted call that has not spoken stays on trial
     * @param carriedAtStart calls taken as carried within budget before anything is measured: a burst up to it goes
     *                      live at once (the ramp starts beyond it); the first lag resets it
     */
    public record Settings(int ceiling, int initial, int workers, long budgetNanos, double busyLimit,
                           double targetBusy, long holdNanos, int rampStep, long trialNanos, int carriedAtStart) {
        /**
         * The starting capacity (calls per worker × workers, what the admin says this machine carries) is taken as
         * carried: ten calls dialled at once on a machine configured for ten all go live, and the ramp guards only
         * what lies beyond it, or everything once a lag has shown the machine slower than said.
         */
        public Settings(int ceiling, int initial, int workers, long budgetNanos, double busyLimit, double targetBusy,
                        long holdNanos, int rampStep, long trialNanos) {
            this(ceiling, initial, workers, budgetNanos, busyLimit, targetBusy, holdNanos, rampStep, trialNanos,
                    Math.min(ceiling, initial));
        }

        public Settings {
            if (ceiling < 1 || initial < 1 || workers < 1 || budgetNanos <= 0 || holdNanos < 0 || rampStep < 1
                    || trialNanos <= 0 || carriedAtStart < 0) {
                throw new IllegalArgumentException("ceiling, initial, workers, budget, ramp step and trial must be "
                        + "positive: " + ceiling + ", " + initial + ", " + workers + ", " + budgetNanos + ", "
                        + rampStep + ", " + trialNanos);
            }
            if (!(targetBusy > 0 && targetBusy <= busyLimit && busyLimit <= 1)) {
                throw new IllegalArgumentException("need 0 < target busy ≤ busy limit ≤ 1: " + targetBusy + ", "
                        + busyLimit);
            }
        }
    }

    /**
     * The capacity in force, why, and the measurements it came from.
     *
     * @param onTrial       admitted calls whose cost is not measured yet (see the ramp)
     * @param lastDeferral  why the latest call was deferred ("" before any)
     */
    public record State(int capacity, int live, int onTrial, String reason, double busy, long finalLagP95Ms,
                        double costPerCall, String lastDeferral) {
    }

    private record LiveSince(long sinceNanos, int live) {
    }

    private final Settings settings;
    private final DecodeLoadWindow load;
    private final LongSupplier nanoClock;
    /** The number of live calls since each change, as far back as the window reaches. */
    private final ArrayDeque<LiveSince> liveHistory = new ArrayDeque<>();
    /** Admitted calls not measured yet, with when they were admitted, oldest first. */
    private final Map<String, Long> onTrial = new LinkedHashMap<>();
    private String lastDeferral = "";
    private int live;
    private int capacity;
    /**
     * The most measured calls (live, past their trial) the window has shown within budget: a load this machine has
     * carried. A burst up to it is admitted at once; the ramp only governs new ground beyond it.
     */
    private int proven;
    private String reason;
    private long lastRaiseNanos;
    private long lastLearntNanos = Long.MIN_VALUE;
    /** Worker-seconds of decoding per second of a live call; NaN until measured. */
    private double costPerCall = Double.NaN;
    private double busy;
    private long lagP95Nanos;

    public LiveCapacityController(Settings settings, DecodeLoadWindow load, LongSupplier nanoClock) {
        this.settings = settings;
        this.load = load;
        this.nanoClock = nanoClock;
        this.capacity = Math.min(settings.ceiling(), settings.initial());
        this.proven = Math.min(capacity, settings.carriedAtStart());
        this.reason = capacity == settings.ceiling() && settings.ceiling() <= settings.initial()
                ? "earpiece.live.capacity=" + capacity + " until the decode load says otherwise"
                : "nothing measured yet: " + capacity + " calls to start with (calls-per-worker × decode workers)";
        long now = nanoClock.getAsLong();
        this.lastRaiseNanos = now;
        liveHistory.add(new LiveSince(now, 0));
    }

    /**
     * Takes a live place for the new call {@code callId} if the measured load leaves room and the ramp allows;
     * false means: defer it.
     */
    public synchronized boolean tryAdmit(String callId) {
        long now = nanoClock.getAsLong();
        endTrials(now);
        update(now);
        if (live >= capacity) {
            lastDeferral = live + " calls live, the capacity in force (" + reason + ")";
            return false;
        }
        if (live >= proven && onTrial.size() >= settings.rampStep()) {
            lastDeferral = "ramp: " + onTrial.size() + " calls admitted lately are not measured yet (at most "
                    + settings.rampStep() + " at once beyond the " + proven + " calls carried within budget); " + live
                    + " live, capacity " + capacity;
            return false;
        }
        setLive(now, live + 1);
        onTrial.put(callId, now);
        return true;
    }

    /** The live call {@code callId} ended. */
    public synchronized void released(String callId) {
        long now = nanoClock.getAsLong();
        // the load as it was with this call still live: the last reading of a busy spell may come at its end
        endTrials(now);
        update(now);
        onTrial.remove(callId);
        setLive(now, Math.max(0, live - 1));
    }

    /** Re-reads the load and returns the capacity in force. */
    public synchronized State state() {
        long now = nanoClock.getAsLong();
        endTrials(now);
        update(now);
        return new State(capacity, live, onTrial.size(), reason, busy, lagP95Nanos / 1_000_000, costPerCall,
                lastDeferral);
    }

    /**
     * A call leaves its trial once the window holds a final (or speculative final) of it decoded since its admission,
     * or once it has been live the whole trial without one: a silent call costs nothing to decode yet.
     */
    private void endTrials(long now) {
        onTrial.entrySet().removeIf(e -> now - e.getValue() >= settings.trialNanos()
                || load.essentialDecodeSince(e.getKey(), e.getValue()));
    }

    private void setLive(long now, int n) {
        live = n;
        liveHistory.addLast(new LiveSince(now, n));
    }

    private void update(long now) {
        DecodeLoadWindow.Snapshot s = load.snapshot();
        long window = load.windowNanos();
        double callSeconds = liveCallSeconds(now, window);
        // Partials only fill workers that would be idle and are dropped first under load, so what limits how many
        // calls fit is the decoding of finals (and their speculative decodes); partials still show in the lag.
        busy = s.essentialWorkerNanos() / ((double) window * settings.workers());
        lagP95Nanos = s.finalLagP95Nanos();
        if (callSeconds >= MIN_CALL_SECONDS && s.finals() >= MIN_FINALS
                && (lastLearntNanos == Long.MIN_VALUE || now - lastLearntNanos >= LEARN_INTERVAL_NANOS)) {
            lastLearntNanos = now;
            double sample = (s.essentialWorkerNanos() / 1e9) / callSeconds;
            costPerCall = Double.isNaN(costPerCall) ? sample
                    : costPerCall + (sample > costPerCall ? COST_RISING : COST_FALLING) * (sample - costPerCall);
        }
        int estimate = Double.isNaN(costPerCall) || costPerCall <= 0 ? settings.initial()
                : (int) Math.floor(settings.workers() * settings.targetBusy() / costPerCall);
        estimate = Math.max(1, Math.min(settings.ceiling(), estimate));
        long budget = settings.budgetNanos();
        String measured = String.format(Locale.ROOT, "finals' wait+decode p95 %d ms (budget %d ms), decode workers "
                        + "%.0f %% busy, %s per live call", lagP95Nanos / 1_000_000, budget / 1_000_000, busy * 100,
                Double.isNaN(costPerCall) ? "cost not measured yet"
                        : String.format(Locale.ROOT, "%.3f worker-s/s", costPerCall));
        // The lag and the busy fraction were made by as many calls as were live at once inside the window, which may
        // be more than are live now (a busy hour ending): they say that many calls are too many, not that the few
        // left are.
        int loadedBy = Math.max(live, peakLive());
        if (s.finals() >= MIN_FINALS && lagP95Nanos <= budget && busy <= settings.busyLimit()) {
            proven = Math.max(proven, live - onTrial.size());
        }
        if (s.finals() > 0 && lagP95Nanos > 2 * budget) {
            // what the machine carried before does not hold now (a slower spell, another tenant): ramp again
            proven = 0;
        } else if ((s.finals() > 0 && lagP95Nanos > budget) || busy > settings.busyLimit()) {
            // at its limit with this many: no more than this many at once
            proven = Math.min(proven, loadedBy);
        }
        if (s.finals() > 0 && lagP95Nanos > 2 * budget) {
            set(Math.max(1, Math.min(capacity, loadedBy - 1)), "finals far behind, admitting none until calls end: "
                    + measured);
        } else if ((s.finals() > 0 && lagP95Nanos > budget) || busy > settings.busyLimit()) {
            set(Math.max(1, Math.min(capacity, loadedBy)), "at the limit, admitting no more calls: " + measured);
        } else if (estimate < capacity) {
            // dearer calls (a slower or shared machine): fewer places, but never fewer than the calls keeping up now
            set(Math.max(estimate, Math.min(capacity, live)), "calls cost more than before: " + measured);
        } else if (estimate > capacity && lagP95Nanos * 2 <= budget && busy < settings.targetBusy()
                && now - lastRaiseNanos >= settings.holdNanos()) {
            set(capacity + 1, "room measured: " + measured);
            lastRaiseNanos = now;
        }
    }

    private void set(int newCapacity, String why) {
        if (newCapacity != capacity) {
            capacity = newCapacity;
            reason = why;
        }
        // a load that no longer fits the measured cost is no longer one the machine carries
        proven = Math.min(proven, capacity);
    }

    /** The most calls live at once inside the window (after {@link #liveCallSeconds} trimmed the history). */
    private int peakLive() {
        int peak = 0;
        for (LiveSince l : liveHistory) {
            peak = Math.max(peak, l.live());
        }
        return peak;
    }

    /** The integral of live calls over the window that ends now, in call-seconds. */
    private double liveCallSeconds(long now, long window) {
        long from = now - window;
        // keep the last change before the window: it says how many were live when the window began
        while (liveHistory.size() > 1) {
            LiveSince first = liveHistory.removeFirst();
            if (liveHistory.peekFirst().sinceNanos() > from) {
                liveHistory.addFirst(first);
                break;
            }
        }
        double total = 0;
        LiveSince previous = null;
        for (LiveSince l : liveHistory) {
            if (previous != null) {
                total += previous.live() * (double) (l.sinceNanos() - Math.max(previous.sinceNanos(), from));
            }
            previous = l;
        }
        if (previous != null) {
            total += previous.live() * (double) (now - Math.max(previous.sinceNanos(), from));
        }
        return Math.max(0, total) / 1e9;
    }
}
