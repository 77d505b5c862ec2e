package io.earpiece.assist.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Coaching thresholds and their nudge cards. A threshold of 0 (or a missing card) switches that nudge off.
 *
 * @param monologueS how long the rep may talk without the customer speaking
 * @param maxWpm the rep's speaking pace, in words per minute of speech over the last {@code paceWindowS}
 *               seconds of call, above which the pace card is shown
 * @param paceMinSpeechS how much rep speech the window must hold before pace is judged
 * @param maxRepShare the rep's share of all speaking time (0..1) above which the talk-ratio card is shown
 * @param talkMinS call time before the talk ratio is judged
 */
public record CoachingPolicy(
        @JsonProperty("monologue_s") double monologueS,
        CardTemplate card,
        @JsonProperty("max_wpm") double maxWpm,
        @JsonProperty("pace_window_s") double paceWindowS,
        @JsonProperty("pace_min_speech_s") double paceMinSpeechS,
        @JsonProperty("pace_card") CardTemplate paceCard,
        @JsonProperty("max_rep_share") double maxRepShare,
        @JsonProperty("talk_min_s") double talkMinS,
        @JsonProperty("talk_card") CardTemplate talkCard) {

    /** Monologue nudge only. */
    public CoachingPolicy(double monologueS, CardTemplate card) {
        this(monologueS, card, 0, 0, 0, null, 0, 0, null);
    }
}
