package io.earpiece.stt;

/** One party's streaming recognition: feed it 16 kHz frames in media-time order, then close it. */
public interface TranscriptionSession extends AutoCloseable {

    /** Accepts 16 kHz mono signed 16-bit samples starting at {@code mediaTimeMs}. */
    void accept(long mediaTimeMs, short[] samples);

    /** Ends the stream: trailing speech becomes a final segment, and the call returns after it was delivered. */
    @Override
    void close();
}
