package io.earpiece.diarize;

/**
 * One stretch of speech attributed to one speaker.
 *
 * @param speaker display label, {@code "Speaker 1"}, {@code "Speaker 2"}, ... in order of first appearance
 * @param startMs media time the speech starts
 * @param endMs   media time the speech ends
 * @param channel the input channel that carries this speaker best (0 for mono input)
 */
public record SpeakerTurn(String speaker, long startMs, long endMs, int channel) {

    public SpeakerTurn {
        if (speaker == null || speaker.isBlank()) {
            throw new IllegalArgumentException("speaker must be named");
        }
        if (startMs < 0 || endMs < startMs || channel < 0) {
            throw new IllegalArgumentException("bad turn " + speaker + " " + startMs + "-" + endMs + " ch" + channel);
        }
    }

    /** A turn on the mono channel. */
    public SpeakerTurn(String speaker, long startMs, long endMs) {
        this(speaker, startMs, endMs, 0);
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** The display label of the speaker with 0-based index {@code index}. */
    public static String label(int index) {
        return "Speaker " + (index + 1);
    }
}
