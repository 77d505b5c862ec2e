package io.earpiece.console.playback;

/** A recording that is not the mono PCM16 WAV Earpiece writes; the message says what is wrong with it. */
public class RecordingFormatException extends Exception {

    public RecordingFormatException(String reason) {
        super(reason);
    }
}
