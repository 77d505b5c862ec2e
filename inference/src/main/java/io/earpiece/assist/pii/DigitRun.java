package io.earpiece.assist.pii;

/** A stretch of an utterance that spells out digits (written or spoken), with the digits it spells. */
public record DigitRun(String digits, int start, int end) {
}
