package io.earpiece.stt.streaming;

import io.earpiece.stt.RecognitionHints;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic decoder for tests: the script says when each word is spoken; a decode of an audio window returns
 * the words that ended inside it, and a partial decode also guesses the word being spoken (a wrong guess that the
 * next decode corrects), the way Whisper's last word flickers on a growing window.
 */
final class ScriptedRecognizer implements SpeechRecognizer {

    /** One scripted word, ending at {@code endMs} media time. */
    record Word(String text, long endMs) {
    }

    /** What one call saw. */
    record Call(long startMs, long endMs, String prompt, boolean partial, String answer) {
    }

    private final List<Word> script;
    private final long decodeMillis;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    ScriptedRecognizer(List<Word> script, long decodeMillis) {
        this.script = script;
        this.decodeMillis = decodeMillis;
    }

    /** {@code count} words "w0".."w{count-1}", one every {@code everyMs} from {@code fromMs}. */
    static List<Word> evenly(String prefix, int count, long fromMs, long everyMs) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(new Word(prefix + i, fromMs + (i + 1) * everyMs));
        }
        return words;
    }

    @Override
    public String transcribe(Utterance utterance) {
        return transcribe(utterance, RecognitionHints.none());
    }

    @Override
    public String transcribe(Utterance utterance, RecognitionHints hints) {
        if (decodeMillis > 0) {
            try {
                Thread.sleep(decodeMillis); // stands in for decoding work
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long audioStart = utterance.endMs() - utterance.samples().length / 16;
        List<String> out = new ArrayList<>();
        Word next = null;
        for (Word w : script) {
            if (w.endMs() > audioStart && w.endMs() <= utterance.endMs()) {
                out.add(w.text());
            } else if (w.endMs() > utterance.endMs() && next == null && w.endMs() - 300 <= utterance.endMs()) {
                next = w;
            }
        }
        if (hints.partial() && next != null) {
            out.add(next.text() + "-ish"); // a guess at the word still being spoken
        }
        String answer = String.join(" ", out);
        calls.add(new Call(audioStart, utterance.endMs(), hints.prompt(), hints.partial(), answer));
        return answer;
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
