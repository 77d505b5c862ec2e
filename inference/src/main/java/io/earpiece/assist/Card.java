package io.earpiece.assist;

/** A card shown to the rep, raised by the utterance at index {@code utterance} because of {@code trigger}. */
public record Card(String id, String title, String body, int priority, int utterance, String trigger) {
}
