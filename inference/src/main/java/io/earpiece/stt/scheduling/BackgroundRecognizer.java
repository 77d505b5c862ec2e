package io.earpiece.stt.scheduling;

import io.earpiece.stt.RecognitionHints;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A recognizer for after-call work: each utterance is decoded by the {@link RecognitionScheduler}'s workers as a
 * {@link Priority#BACKGROUND} job, so it yields to the live calls' decodes (which the scheduler serves first and keeps
 * room for) instead of taking a recognizer context from under them. The calling thread waits for its result.
 */
public final class BackgroundRecognizer implements SpeechRecognizer {

    private final SpeechRecognizer recognizer;
    private final RecognitionScheduler scheduler;
    private final long yieldUntilNanos;

    /**
     * @param yieldUntilNanos the {@link System#nanoTime()} until which its decodes wait for the live load to leave
     *                        room; after it they run as soon as a worker is free of live work
     */
    public BackgroundRecognizer(SpeechRecognizer recognizer, RecognitionScheduler scheduler, long yieldUntilNanos) {
        this.recognizer = recognizer;
        this.scheduler = scheduler;
        this.yieldUntilNanos = yieldUntilNanos;
    }

    @Override
    public String transcribe(Utterance utterance) {
        return decode(utterance, () -> recognizer.transcribe(utterance));
    }

    @Override
    public String transcribe(Utterance utterance, RecognitionHints hints) {
        return decode(utterance, () -> recognizer.transcribe(utterance, hints));
    }

    private String decode(Utterance utterance, Supplier<String> decode) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Runnable work = () -> {
            if (result.isDone()) {
                return; // its caller gave up (interrupted) while it waited
            }
            try {
                result.complete(decode.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        };
        Runnable dropped = () -> result.completeExceptionally(
                new IllegalStateException("the recognition scheduler closed before this utterance was decoded"));
        // deadline order: the work of the call that hung up first goes first
        if (!scheduler.submit(new RecognitionTask(Priority.BACKGROUND, yieldUntilNanos, utterance.callId(),
                utterance.endMs() - utterance.startMs(), work, dropped, yieldUntilNanos))) {
            throw new IllegalStateException("the recognition scheduler is closed");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a background decode");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String describe() {
        return recognizer.describe() + " (after-call, yielding to live decodes)";
    }
}
