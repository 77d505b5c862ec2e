package io.earpiece.console.status;

import io.earpiece.console.config.SpeechConfiguration;
import io.earpiece.console.upload.UploadConfiguration;
import org.springframework.stereotype.Component;

/**
 * Whether this server transcribes, told before anyone relies on it: the console shows a banner and disables the
 * upload page instead of letting a call end as "nothing was said" or a whole file go up to be refused. Only
 * admins are told how to turn it on (a command on the server is no use to a rep).
 */
@Component
public class TranscriptionStatus {

    /**
     * What the console shows.
     *
     * @param live        live calls are transcribed (a speech model is loaded)
     * @param uploads     uploaded recordings can be analysed (a model and ffmpeg)
     * @param reason      why not, in plain words; null when both work
     * @param howToEnable what an admin does about it; null when both work or for anyone but an admin
     */
    public record View(boolean live, boolean uploads, String reason, String howToEnable) {
    }

    static final String NO_MODEL = "no speech model (Whisper) is loaded on this server";
    static final String NO_MODEL_FIX = "Run './earpiece models pull base.en' on the server (needs internet) or copy a "
            + "ggml Whisper model to the data folder's models/, or set earpiece.whisper.model (EARPIECE_WHISPER_MODEL); "
            + "then restart Earpiece.";
    static final String NO_DECODER = "ffmpeg is not installed on this server, so recordings cannot be decoded";

    private final SpeechConfiguration.SpeechRecognizerHolder speech;
    private final UploadConfiguration.MediaTools tools;

    public TranscriptionStatus(SpeechConfiguration.SpeechRecognizerHolder speech, UploadConfiguration.MediaTools tools) {
        this.speech = speech;
        this.tools = tools;
    }

    /** Live calls are transcribed. */
    public boolean live() {
        return speech.recognizer() != null;
    }

    /** The status as {@code admin} (or anyone else) may see it. */
    public View view(boolean admin) {
        boolean live = live();
        boolean decoder = tools.decoder() != null;
        if (live && decoder) {
            return new View(true, true, null, null);
        }
        String reason = live ? NO_DECODER : NO_MODEL;
        String fix = live ? "Install ffmpeg (Debian: apt-get install ffmpeg) or set earpiece.uploads.ffmpeg-dir, "
                + "then restart Earpiece." + (tools.missing() == null ? "" : " (" + tools.missing() + ")") : NO_MODEL_FIX;
        return new View(live, false, reason, admin ? fix : null);
    }

    /** Why an upload cannot be analysed, worded for who asks; empty when it can. */
    public java.util.Optional<String> uploadRefusal(boolean admin) {
        View v = view(admin);
        if (v.uploads()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("transcription is off: " + v.reason() + (admin ? ". " + v.howToEnable()
                : "; recordings cannot be analysed until an admin turns it on"));
    }
}
