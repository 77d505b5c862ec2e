package io.earpiece.stt;

/** Recognises the text of one utterance; implementations must be safe to call from several threads. */
public interface SpeechRecognizer extends AutoCloseable {

    String transcribe(Utterance utterance);

    /** Recognises with hints (prompt, partial or final); recognizers that cannot use them ignore them. */
    default String transcribe(Utterance utterance, RecognitionHints hints) {
        return transcribe(utterance);
    }

    /** A short name for logs and metrics, e.g. {@code whisper.cpp (cpu) ggml-base.en.bin}. */
    String describe();

    @Override
    default void close() {
    }
}
