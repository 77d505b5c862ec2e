package io.earpiece.assist.pii;

/** Personal data found at characters [start, end) of an utterance. */
public record PiiMatch(PiiKind kind, int start, int end) {
}
