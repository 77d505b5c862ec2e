package io.earpiece.console.events;

import java.util.Map;

/** A tag the assist engine found on an utterance (objection, question, action item with owner and due date...). */
public record InsightEvent(String type, String callId, int utterance, String party, String tag,
                           Map<String, String> details) implements CallEvent {

    public InsightEvent(String callId, int utterance, String party, String tag, Map<String, String> details) {
        this("insight", callId, utterance, party, tag, details);
    }

    @Override
    public String key() {
        return "insight/" + utterance + "/" + tag;
    }
}
