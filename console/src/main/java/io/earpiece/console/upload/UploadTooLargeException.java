package io.earpiece.console.upload;

/** The bytes streamed in went past the configured limit; the partial file is already deleted. */
public final class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("upload is larger than the limit of " + limit + " bytes");
    }
}
