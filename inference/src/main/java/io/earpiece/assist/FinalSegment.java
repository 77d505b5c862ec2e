package io.earpiece.assist;

/** One final transcript segment as the engine sees it; speaker is "rep" or "customer", times in call seconds. */
public record FinalSegment(int utterance, String speaker, double startS, double endS, String text) {
}
