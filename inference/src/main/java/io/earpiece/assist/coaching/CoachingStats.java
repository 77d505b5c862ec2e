package io.earpiece.assist.coaching;

/**
 * Snapshot of a call's conversation dynamics, from final segment times and words alone.
 *
 * @param elapsedS call time up to the end of the latest segment
 * @param repTalkS seconds the rep spoke (sum of segment lengths)
 * @param customerTalkS seconds the customer spoke
 * @param repShare the rep's share of all speaking time, 0..1 (0 before anyone spoke)
 * @param longestMonologueS the rep's longest stretch without the customer speaking
 * @param repWpm the rep's words per minute of speech over the whole call so far
 * @param customerWpm the customer's words per minute of speech
 * @param recentRepWpm the rep's pace over the recent window the pace nudge uses (0 when too little speech)
 * @param repInterruptions times the rep started while the customer's segment was still running
 * @param customerInterruptions times the customer started while the rep's segment was still running
 */
public record CoachingStats(
        double elapsedS,
        double repTalkS,
        double customerTalkS,
        double repShare,
        double longestMonologueS,
        double repWpm,
        double customerWpm,
        double recentRepWpm,
        int repInterruptions,
        int customerInterruptions) {
}
