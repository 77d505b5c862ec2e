package io.earpiece.upload;

/**
 * What the first bytes of a file say it is.
 *
 * @param container the container format, {@link MediaContainer#UNKNOWN} when no signature matched
 * @param codec     the codec where the header names it (e.g. {@code pcm_s16le}, {@code pcm_mulaw}, {@code opus},
 *                  {@code mp3}), otherwise {@code unknown}
 * @param reason    the evidence, for logs and error messages
 */
public record SniffResult(MediaContainer container, String codec, String reason) {

    public boolean known() {
        return container != MediaContainer.UNKNOWN;
    }
}
