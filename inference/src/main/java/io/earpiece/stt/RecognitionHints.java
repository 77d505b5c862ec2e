package io.earpiece.stt;

/**
 * What a recognizer may use besides the audio.
 *
 * @param prompt  text that came just before (the party's previous final), to carry names and spelling over;
 *                empty for none
 * @param partial true for a provisional re-decode of speech still in progress, where speed beats accuracy
 */
public record RecognitionHints(String prompt, boolean partial) {

    public RecognitionHints {
        prompt = prompt == null ? "" : prompt;
    }

    /** No prompt, a final decode. */
    public static RecognitionHints none() {
        return new RecognitionHints("", false);
    }
}
