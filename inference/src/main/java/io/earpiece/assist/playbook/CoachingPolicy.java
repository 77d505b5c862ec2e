package io.earpiece.assist.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Coaching thresholds: how long the rep may talk without the customer speaking before a nudge. */
public record CoachingPolicy(@JsonProperty("monologue_s") double monologueS, CardTemplate card) {
}
