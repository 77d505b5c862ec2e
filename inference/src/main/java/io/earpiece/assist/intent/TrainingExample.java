package io.earpiece.assist.intent;

import java.util.Set;

/** One labelled utterance of the classifier's training set: who said it, its tags (empty: none) and its words. */
public record TrainingExample(String role, Set<String> tags, String text) {
    public TrainingExample {
        tags = Set.copyOf(tags);
    }
}
