package io.earpiece.stt;

/** Receives transcript segments as they are produced. */
@FunctionalInterface
public interface SegmentListener {
    void onSegment(TranscriptSegment segment);
}
