package io.earpiece.media.support;

import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaLegListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that keeps everything a leg or tap reports, for tests to assert on. */
public final class Captured implements MediaLegListener {

    public final List<AudioFrame> frames = new CopyOnWriteArrayList<>();
    /** {@code legId:digit@mediaTimeMs} per reported digit. */
    public final List<String> digits = new CopyOnWriteArrayList<>();
    public final List<String> timeoutLegs = new CopyOnWriteArrayList<>();
    public final AtomicInteger timeouts = new AtomicInteger();

    @Override
    public void onFrame(AudioFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onDtmf(String legId, char digit, long mediaTimeMs) {
        digits.add(legId + ":" + digit + "@" + mediaTimeMs);
    }

    @Override
    public void onMediaTimeout(String legId) {
        timeoutLegs.add(legId);
        timeouts.incrementAndGet();
    }

    /** All frames so far, joined into one 16 kHz signal. */
    public short[] audio() {
        return concat(frames);
    }

    /** The frames joined into one 16 kHz signal. */
    public static short[] concat(List<AudioFrame> frames) {
        short[] all = new short[frames.size() * AudioFrame.SAMPLES];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(frames.get(i).samples(), 0, all, i * AudioFrame.SAMPLES, AudioFrame.SAMPLES);
        }
        return all;
    }
}
