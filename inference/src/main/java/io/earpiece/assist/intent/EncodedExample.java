package io.earpiece.assist.intent;

import java.util.Set;

/** A training example with its features. */
public record EncodedExample(String role, Set<String> tags, FeatureVector features) {
}
