package io.earpiece.media.record;

import java.io.IOException;

/**
 * A recording could not be written on (the disk is full, the volume went away); what was stored before stays a
 * valid WAV of {@link #samplesStored()} samples, and the rest of the call is not recorded.
 */
public final class RecordingFailedException extends RuntimeException {

    private final long samplesStored;

    public RecordingFailedException(long samplesStored, IOException cause) {
        super("recording stopped after " + samplesStored + " samples: " + cause.getMessage(), cause);
        this.samplesStored = samplesStored;
    }

    public long samplesStored() {
        return samplesStored;
    }
}
