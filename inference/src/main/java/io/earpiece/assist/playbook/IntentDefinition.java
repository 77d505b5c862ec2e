package io.earpiece.assist.playbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One intent of a playbook: the tag it emits, who may say it, exemplar phrases compared by meaning, and
 * keyword patterns that lower the similarity needed where meaning alone is weak.
 *
 * @param question "required", "forbidden" or "any": whether the utterance must be a question
 * @param threshold similarity needed without a keyword hit
 * @param keywordThreshold similarity needed when a keyword matched
 * @param requireKeyword when true the intent is only emitted with a keyword hit
 */
public record IntentDefinition(
        String tag,
        List<String> speakers,
        String question,
        double threshold,
        @JsonProperty("keyword_threshold") double keywordThreshold,
        @JsonProperty("require_keyword") boolean requireKeyword,
        List<String> keywords,
        List<String> exemplars) {

    public IntentDefinition {
        speakers = speakers == null ? List.of("customer", "rep") : List.copyOf(speakers);
        question = question == null ? "any" : question;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        exemplars = exemplars == null ? List.of() : List.copyOf(exemplars);
    }
}
