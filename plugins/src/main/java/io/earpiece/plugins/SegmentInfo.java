package io.earpiece.plugins;

/** A stored final transcript segment, as plugins see it. */
public record SegmentInfo(String callId, String party, int index, long startMs, long endMs, String text) {
}
