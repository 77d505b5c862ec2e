package io.earpiece.stt;

/** Recognises the text of one utterance; implementations must be safe to call from several threads. */
public interface SpeechRecognizer extends AutoCloseable {

    String transcribe(Utterance utterance);

    /** A short name for logs and metrics, e.g. {@code whisper.cpp (cpu) ggml-base.en.bin}. */
    String describe();

    @Override
    default void close() {
    }
}
