package io.earpiece.assist;

import java.util.List;

/** One utterance of a reference transcript; {@code speaker} is "rep" or "customer", times are seconds. */
public record ReferenceUtterance(String speaker, double start, double end, String text, List<String> tags) {
    public ReferenceUtterance {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
