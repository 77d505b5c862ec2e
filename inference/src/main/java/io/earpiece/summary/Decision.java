package io.earpiece.summary;

/** A decision stated during the call, with who stated it. */
public record Decision(int utterance, String speaker, String text) {
}
