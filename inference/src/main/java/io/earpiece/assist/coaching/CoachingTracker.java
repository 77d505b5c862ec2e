package io.earpiece.assist.coaching;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Per-call accumulator of talk time, pace, interruptions and the longest monologue from final segments. Segments
 * of the two parties may arrive slightly out of order (each party's recogniser finalises on its own), so an
 * interruption is judged on every pair of overlapping segments, whichever arrived last.
 */
public final class CoachingTracker {
    // Back-channel overlaps ("mm", a breath early) shorter than this are not interruptions.
    private static final double OVERLAP_TOLERANCE_S = 0.3;
    // Only segments this recent can still overlap a new one.
    private static final double OVERLAP_HORIZON_S = 60;

    private final double paceWindowS;
    private final double paceMinSpeechS;
    private final MonologueWatch monologue;
    private final Deque<Spoken> recent = new ArrayDeque<>();
    private double elapsedS;
    private double repTalkS;
    private double customerTalkS;
    private long repWords;
    private long customerWords;
    private int repInterruptions;
    private int customerInterruptions;

    public CoachingTracker(MonologueWatch monologue, double paceWindowS, double paceMinSpeechS) {
        this.monologue = monologue;
        this.paceWindowS = paceWindowS;
        this.paceMinSpeechS = paceMinSpeechS;
    }

    /** Records a segment; returns true when it takes the rep's monologue past the monologue limit. */
    public boolean onSegment(String speaker, double startS, double endS, String text) {
        boolean rep = speaker.equals("rep");
        double length = Math.max(0, endS - startS);
        int words = countWords(text);
        if (rep) {
            repTalkS += length;
            repWords += words;
        } else {
            customerTalkS += length;
            customerWords += words;
        }
        elapsedS = Math.max(elapsedS, endS);
        Spoken now = new Spoken(rep, startS, endS, words);
        for (Spoken before : recent) {
            if (before.rep == rep) {
                continue;
            }
            if (startsInside(now, before)) {
                count(rep);
            } else if (startsInside(before, now)) {
                count(before.rep);
            }
        }
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().endS < elapsedS - Math.max(OVERLAP_HORIZON_S, paceWindowS)) {
            recent.removeFirst();
        }
        return monologue.onSegment(speaker, startS, endS);
    }

    public CoachingStats snapshot() {
        double total = repTalkS + customerTalkS;
        return new CoachingStats(elapsedS, repTalkS, customerTalkS, total == 0 ? 0 : repTalkS / total,
                monologue.longestS(), wpm(repWords, repTalkS), wpm(customerWords, customerTalkS), recentRepWpm(),
                repInterruptions, customerInterruptions);
    }

    private double recentRepWpm() {
        double from = elapsedS - paceWindowS;
        double seconds = 0;
        long words = 0;
        for (Spoken s : recent) {
            if (s.rep && s.startS >= from) {
                seconds += s.endS - s.startS;
                words += s.words;
            }
        }
        return seconds < paceMinSpeechS || seconds <= 0 ? 0 : wpm(words, seconds);
    }

    private void count(boolean byRep) {
        if (byRep) {
            repInterruptions++;
        } else {
            customerInterruptions++;
        }
    }

    private static boolean startsInside(Spoken a, Spoken b) {
        return a.startS > b.startS && a.startS < b.endS - OVERLAP_TOLERANCE_S;
    }

    private static double wpm(long words, double seconds) {
        return seconds <= 0 ? 0 : words * 60.0 / seconds;
    }

    private static int countWords(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private record Spoken(boolean rep, double startS, double endS, int words) {
    }
}
