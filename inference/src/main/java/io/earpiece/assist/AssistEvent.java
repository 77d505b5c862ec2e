package io.earpiece.assist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** One tag detected on one utterance, in the corpus tag vocabulary, with extra details such as owner/what/due. */
public record AssistEvent(int utterance, String tag, Map<String, String> details) {
    public AssistEvent {
        details = Map.copyOf(details);
    }

    /** The tag family: the part before the first colon ("objection", "action", "buying_signal"). */
    @JsonIgnore
    public String family() {
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(0, colon);
    }
}
