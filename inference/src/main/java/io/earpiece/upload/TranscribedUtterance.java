package io.earpiece.upload;

/**
 * One recognised stretch of a recording.
 *
 * @param speaker the diarized speaker label, e.g. {@code Speaker 1}
 * @param startMs media time the speech starts
 * @param endMs   media time the speech ends
 * @param text    the recognised text; empty when recognition failed for this chunk
 */
public record TranscribedUtterance(String speaker, long startMs, long endMs, String text) {
}
