package io.earpiece.stt;

/**
 * When one recognised word was spoken, in media time.
 *
 * @param estimated true when the times were spread over the segment rather than measured by the recognizer
 */
public record WordTiming(String word, long startMs, long endMs, boolean estimated) {
}
