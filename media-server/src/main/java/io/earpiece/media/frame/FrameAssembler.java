package io.earpiece.media.frame;

import io.earpiece.media.AudioFrame;

import java.util.function.Consumer;

/**
 * Cuts a gap-free 16 kHz sample stream into exact 20 ms {@link AudioFrame}s; frame n has media time n * 20 ms
 * because the stream's first sample is media time zero.
 */
public final class FrameAssembler {

    private static final int FRAME_MS = AudioFrame.SAMPLES * 1000 / AudioFrame.SAMPLE_RATE;

    private final String legId;
    private final Consumer<AudioFrame> sink;
    private short[] pending = new short[AudioFrame.SAMPLES];
    private int filled;
    private long framesEmitted;

    public FrameAssembler(String legId, Consumer<AudioFrame> sink) {
        this.legId = legId;
        this.sink = sink;
    }

    public void append(short[] samples, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, AudioFrame.SAMPLES - filled);
            System.arraycopy(samples, offset, pending, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == AudioFrame.SAMPLES) {
                emit();
            }
        }
    }

    /** Emits the partial frame, padded with silence, so that nothing appended is lost. */
    public void flush() {
        if (filled > 0) {
            java.util.Arrays.fill(pending, filled, AudioFrame.SAMPLES, (short) 0);
            emit();
        }
    }

    public long framesEmitted() {
        return framesEmitted;
    }

    private void emit() {
        short[] full = pending;
        // Frames are handed to other threads, so each gets its own array.
        pending = new short[AudioFrame.SAMPLES];
        filled = 0;
        sink.accept(new AudioFrame(legId, framesEmitted * FRAME_MS, full));
        framesEmitted++;
    }
}
