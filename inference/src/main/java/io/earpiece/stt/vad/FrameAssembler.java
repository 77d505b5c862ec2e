package io.earpiece.stt.vad;

import java.util.Arrays;

/**
 * Re-frames 16 kHz audio arriving in chunks of any size into the 20 ms frames the segmenter takes, keeping media
 * time exact; a gap or overlap in media time flushes the incomplete frame on its own. Not thread-safe.
 */
public final class FrameAssembler {

    /** Samples in one 20 ms frame at 16 kHz. */
    public static final int FRAME_SAMPLES = 320;
    private static final int SAMPLES_PER_MS = 16;

    /** Receives whole frames (and, after a gap or at the end, one shorter piece). */
    @FunctionalInterface
    public interface FrameSink {
        void frame(long mediaTimeMs, short[] samples);
    }

    private final FrameSink sink;
    private final short[] partial = new short[FRAME_SAMPLES];
    private int partialLength;
    private long partialStartMs;

    public FrameAssembler(FrameSink sink) {
        this.sink = sink;
    }

    /** Takes samples starting at {@code mediaTimeMs}; hands every completed frame to the sink. */
    public void accept(long mediaTimeMs, short[] samples) {
        int offset = 0;
        if (partialLength > 0 && Math.abs(mediaTimeMs - (partialStartMs + partialLength / SAMPLES_PER_MS)) > 1) {
            // a gap or overlap in media time: the carried-over piece cannot be joined to this audio
            flush();
        }
        if (partialLength > 0) {
            int take = Math.min(FRAME_SAMPLES - partialLength, samples.length);
            System.arraycopy(samples, 0, partial, partialLength, take);
            partialLength += take;
            offset = take;
            if (partialLength < FRAME_SAMPLES) {
                return;
            }
            sink.frame(partialStartMs, partial.clone());
            partialLength = 0;
        }
        while (samples.length - offset >= FRAME_SAMPLES) {
            sink.frame(mediaTimeMs + offset / SAMPLES_PER_MS, Arrays.copyOfRange(samples, offset, offset + FRAME_SAMPLES));
            offset += FRAME_SAMPLES;
        }
        if (offset < samples.length) {
            partialLength = samples.length - offset;
            System.arraycopy(samples, offset, partial, 0, partialLength);
            partialStartMs = mediaTimeMs + offset / SAMPLES_PER_MS;
        }
    }

    /** Hands over the incomplete frame, if any. */
    public void flush() {
        if (partialLength > 0) {
            sink.frame(partialStartMs, Arrays.copyOf(partial, partialLength));
            partialLength = 0;
        }
    }
}
