package io.earpiece.assist.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The team's recording-disclosure rule: phrases (regular expressions) that count and the deadline in seconds. */
public record DisclosurePolicy(
        List<String> phrases,
        @JsonProperty("deadline_s") double deadlineS,
        CardTemplate card) {
    public DisclosurePolicy {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
