package io.earpiece.assist.intent;

/** An intent that cleared its threshold, with its best similarity and whether a keyword helped. */
public record IntentMatch(String tag, double similarity, boolean keyword) {
}
