package io.earpiece.summary;

/** The sentiment of one customer utterance, in [-1, 1], placed on the call's time line. */
public record SentimentPoint(int utterance, double startS, double score) {
}
