package io.earpiece.media;

/** Receives what a leg's RTP endpoint produces; called on a media thread, so keep it quick. */
public interface MediaLegListener {

    /** One decoded 20 ms frame, in media-time order, gaps filled with silence. */
    void onFrame(AudioFrame frame);

    /** An RFC 4733 digit ended. */
    default void onDtmf(String legId, char digit, long mediaTimeMs) {
    }

    /**
     * An RFC 4733 digit ended, with how long it was held; by default reported to
     * {@link #onDtmf(String, char, long)}.
     */
    default void onDtmf(String legId, char digit, long mediaTimeMs, int durationMs) {
        onDtmf(legId, digit, mediaTimeMs);
    }

    /** No RTP arrived for the configured media timeout. */
    default void onMediaTimeout(String legId) {
    }
}
