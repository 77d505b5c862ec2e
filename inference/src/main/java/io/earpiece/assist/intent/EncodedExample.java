package io.earpiece.assist.intent;

import java.util.Set;

/** A training example with its sentence embedding. */
public record EncodedExample(String role, Set<String> tags, float[] vector) {
}
