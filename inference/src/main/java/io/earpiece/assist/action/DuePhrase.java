package io.earpiece.assist.action;

/** A due time as said ("friday", "next week"), normalised to lower case, found at [start, end) of the text. */
public record DuePhrase(String normalized, int start, int end) {
}
