package io.earpiece.diarize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diarization error rate: (missed speech + false alarm + speaker confusion) over the total reference speech time,
 * scored in 10 ms frames under the speaker mapping that maximises agreement, optionally ignoring a collar around
 * each reference boundary (where a boundary's exact position is a matter of definition).
 */
public final class DiarizationErrorRate {

    private static final int FRAME_MS = 10;

    /**
     * The score of one comparison; all times in milliseconds.
     *
     * @param mapping hypothesis speaker -> reference speaker used for the confusion term
     */
    public record Result(double der, long referenceMs, long missedMs, long falseAlarmMs, long confusionMs,
                         Map<String, String> mapping) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "DER %.1f%% (missed %d ms, false alarm %d ms, confusion %d ms"
                    + " of %d ms)", der * 100, missedMs, falseAlarmMs, confusionMs, referenceMs);
        }
    }

    private final long collarMs;

    /** @param collarMs time either side of every reference boundary left out of scoring (0 for none) */
    public DiarizationErrorRate(long collarMs) {
        if (collarMs < 0) {
            throw new IllegalArgumentException("collar must not be negative: " + collarMs);
        }
        this.collarMs = collarMs;
    }

    public Result score(List<SpeakerTurn> reference, List<SpeakerTurn> hypothesis) {
        long end = 0;
        for (SpeakerTurn t : reference) {
            end = Math.max(end, t.endMs());
        }
        for (SpeakerTurn t : hypothesis) {
            end = Math.max(end, t.endMs());
        }
        int frames = (int) ((end + FRAME_MS - 1) / FRAME_MS);
        List<String> refSpeakers = speakers(reference);
        List<String> hypSpeakers = speakers(hypothesis);
        boolean[][] ref = activity(reference, refSpeakers, frames);
        boolean[][] hyp = activity(hypothesis, hypSpeakers, frames);
        boolean[] scored = new boolean[frames];
        java.util.Arrays.fill(scored, true);
        for (SpeakerTurn t : reference) {
            blank(scored, t.startMs());
            blank(scored, t.endMs());
        }
        long[][] overlap = new long[hypSpeakers.size()][refSpeakers.size()];
        for (int f = 0; f < frames; f++) {
            if (!scored[f]) {
                continue;
            }
            for (int h = 0; h < hypSpeakers.size(); h++) {
                for (int r = 0; r < refSpeakers.size(); r++) {
                    if (hyp[h][f] && ref[r][f]) {
                        overlap[h][r]++;
                    }
                }
            }
        }
        int[] map = bestMapping(overlap, refSpeakers.size());
        long refFrames = 0;
        long missed = 0;
        long falseAlarm = 0;
        long confusion = 0;
        for (int f = 0; f < frames; f++) {
            if (!scored[f]) {
                continue;
            }
            int nRef = 0;
            int nHyp = 0;
            int correct = 0;
            for (int r = 0; r < refSpeakers.size(); r++) {
                nRef += ref[r][f] ? 1 : 0;
            }
            for (int h = 0; h < hypSpeakers.size(); h++) {
                if (hyp[h][f]) {
                    nHyp++;
                    if (map[h] >= 0 && ref[map[h]][f]) {
                        correct++;
                    }
                }
            }
            refFrames += nRef;
            missed += Math.max(0, nRef - nHyp);
            falseAlarm += Math.max(0, nHyp - nRef);
            confusion += Math.min(nRef, nHyp) - correct;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int h = 0; h < map.length; h++) {
            if (map[h] >= 0) {
                mapping.put(hypSpeakers.get(h), refSpeakers.get(map[h]));
            }
        }
        double der = refFrames == 0 ? (falseAlarm > 0 ? 1.0 : 0.0)
                : (double) (missed + falseAlarm + confusion) / refFrames;
        return new Result(der, refFrames * FRAME_MS, missed * FRAME_MS, falseAlarm * FRAME_MS,
                confusion * FRAME_MS, mapping);
    }

    private void blank(boolean[] scored, long boundaryMs) {
        if (collarMs == 0) {
            return;
        }
        int from = (int) Math.max(0, (boundaryMs - collarMs) / FRAME_MS);
        int to = (int) Math.min(scored.length, (boundaryMs + collarMs) / FRAME_MS);
        for (int f = from; f < to; f++) {
            scored[f] = false;
        }
    }

    private static List<String> speakers(List<SpeakerTurn> turns) {
        List<String> out = new ArrayList<>();
        for (SpeakerTurn t : turns) {
            if (!out.contains(t.speaker())) {
                out.add(t.speaker());
            }
        }
        return out;
    }

    private static boolean[][] activity(List<SpeakerTurn> turns, List<String> speakers, int frames) {
        boolean[][] active = new boolean[speakers.size()][frames];
        for (SpeakerTurn t : turns) {
            boolean[] row = active[speakers.indexOf(t.speaker())];
            for (long f = t.startMs() / FRAME_MS; f < Math.min(frames, t.endMs() / FRAME_MS); f++) {
                row[(int) f] = true;
            }
        }
        return active;
    }

    /** Hypothesis -> reference index (or -1) maximising the summed overlap; exhaustive, speakers are few. */
    private static int[] bestMapping(long[][] overlap, int refCount) {
        int[] best = new int[overlap.length];
        java.util.Arrays.fill(best, -1);
        search(overlap, refCount, 0, new int[overlap.length], new boolean[refCount], 0, new long[] {-1}, best);
        return best;
    }

    private static void search(long[][] overlap, int refCount, int h, int[] current, boolean[] used, long total,
                               long[] bestTotal, int[] best) {
        if (h == overlap.length) {
            if (total > bestTotal[0]) {
                bestTotal[0] = total;
                System.arraycopy(current, 0, best, 0, current.length);
            }
            return;
        }
        current[h] = -1;
        search(overlap, refCount, h + 1, current, used, total, bestTotal, best);
        for (int r = 0; r < refCount; r++) {
            if (!used[r]) {
                used[r] = true;
                current[h] = r;
                search(overlap, refCount, h + 1, current, used, total + overlap[h][r], bestTotal, best);
                used[r] = false;
            }
        }
        current[h] = -1;
    }
}
