package io.earpiece.stt;

/**
 * A stretch of one party's speech and its text.
 *
 * @param index   0-based order of the segment within the party's stream
 * @param startMs media time the speech started
 * @param endMs   media time the speech ended
 * @param isFinal false for a partial hypothesis that a later segment with the same index replaces
 */
public record TranscriptSegment(String callId, String party, int index, long startMs, long endMs, String text,
                                boolean isFinal) {
}
