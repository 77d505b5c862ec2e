package io.earpiece.console.upload;

import io.earpiece.console.config.SpeechConfiguration;
import io.earpiece.console.storage.StorageFullException;
import io.earpiece.db.upload.UploadJobEntity;
import io.earpiece.db.upload.UploadJobRepository;
import io.earpiece.diarize.Diarizer;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.upload.AudioDecoder;
import io.earpiece.upload.BatchSettings;
import io.earpiece.upload.BatchTranscriber;
import io.earpiece.upload.BatchTranscript;
import io.earpiece.upload.DecodedAudio;
import io.earpiece.upload.MediaException;
import io.earpiece.upload.Progress;
import io.earpiece.upload.TranscriptionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs one upload job from its stored file: decode, diarize and transcribe with the recognizer in effect, then
 * store the call and run the after-call path. Safe to run again after a crash: the call is committed in one
 * transaction with the job's "stored" mark, and a stored job only repeats the after-call dispatch.
 */
@Component
public class UploadJobRunner {

    private static final Logger log = LoggerFactory.getLogger(UploadJobRunner.class);

    private final SpeechConfiguration.SpeechRecognizerHolder speech;
    private final UploadConfiguration.MediaTools tools;
    private final Diarizer diarizer;
    private final BatchSettings settings;
    private final UploadCallWriter writer;
    private final UploadJobRepository jobs;

    public UploadJobRunner(SpeechConfiguration.SpeechRecognizerHolder speech, UploadConfiguration.MediaTools tools,
                           Diarizer diarizer, BatchSettings settings, UploadCallWriter writer,
                           UploadJobRepository jobs) {
        this.speech = speech;
        this.tools = tools;
        this.diarizer = diarizer;
        this.settings = settings;
        this.writer = writer;
        this.jobs = jobs;
    }

    /** How a run ended; {@code INTERRUPTED} (shutdown) leaves the job as it was, to be resumed. */
    public enum Outcome { DONE, FAILED, CANCELLED, INTERRUPTED }

    /** A run's outcome and, for a failure, the reason users see. */
    public record Result(Outcome outcome, String reason) {
        static Result of(Outcome o) {
            return new Result(o, null);
        }
    }

    /** Why uploads cannot be transcribed right now, if they cannot. */
    public Optional<String> unavailable() {
        if (speech.recognizer() == null) {
            return Optional.of("transcription is off: no Whisper model is loaded (provide one with "
                    + "'./earpiece models pull base.en' or set earpiece.whisper.model)");
        }
        if (tools.decoder() == null) {
            return Optional.of(tools.missing());
        }
        return Optional.empty();
    }

    Result run(UploadJobEntity job, RunningJob handle, java.util.function.BooleanSupplier closing) {
        try {
            if (job.isCallStored()) {
                handle.enterStoring();
                writer.announceEnded(job);
                return Result.of(Outcome.DONE);
            }
            Optional<String> off = unavailable();
            if (off.isPresent()) {
                return new Result(Outcome.FAILED, off.get());
            }
            Path file = Path.of(job.getStoredPath());
            if (!Files.isRegularFile(file)) {
                return new Result(Outcome.FAILED, "the uploaded file is gone: " + file);
            }
            SpeechRecognizer recognizer = speech.recognizer();
            AudioDecoder decoder = tools.decoder();
            jobs.markStarted(job.getId(), Instant.now());
            handle.onProgress(new Progress(TranscriptionStage.DECODING, 0, Optional.empty()));
            long started = System.nanoTime();
            DecodedAudio audio = decoder.decode(file, f -> handle.onProgress(new Progress(TranscriptionStage.DECODING,
                    (int) Math.round(f * 5), Optional.empty())));
            long decoded = System.nanoTime();
            BatchTranscript transcript = new BatchTranscriber(decoder, diarizer, recognizer, settings)
                    .transcribe(job.getId(), audio, handle);
            long transcribed = System.nanoTime();
            if (transcript.failedChunks() > 0 && transcript.utterances().stream().allMatch(u -> u.text().isBlank())) {
                return new Result(Outcome.FAILED, "recognition failed for all " + transcript.failedChunks()
                        + " chunks (" + recognizer.describe() + ")");
            }
            handle.onProgress(new Progress(TranscriptionStage.ANALYSING, BatchTranscriber.TRANSCRIBED_PERCENT,
                    Optional.empty()));
            if (!handle.enterStoring()) {
                return Result.of(Outcome.CANCELLED);
            }
            writer.store(job, audio, transcript).ifPresentOrElse(writer::announce, () -> writer.announceEnded(job));
            long stored = System.nanoTime();
            log.info("upload {} ({}) became call {}: {} utterances, {} ms of audio; decoded in {} ms, diarized and "
                            + "transcribed in {} ms, stored and analysed in {} ms", job.getId(), job.getFileName(),
                    job.getCallId(), transcript.utterances().size(), transcript.durationMs(),
                    (decoded - started) / 1_000_000, (transcribed - decoded) / 1_000_000,
                    (stored - transcribed) / 1_000_000);
            return Result.of(Outcome.DONE);
        } catch (InterruptedException e) {
            return stopped(handle, closing);
        } catch (MediaException e) {
            if (handle.cancelled() || closing.getAsBoolean()) {
                return stopped(handle, closing);
            }
            return new Result(Outcome.FAILED, e.getMessage() + " (HTTP " + e.httpStatus() + ")");
        } catch (StorageFullException e) {
            // Not a bug, so no stack trace: the reason goes on the job, and UploadJobs logs the failed job with it.
            return new Result(Outcome.FAILED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (handle.cancelled() || closing.getAsBoolean()) {
                return stopped(handle, closing);
            }
            log.error("upload job {} failed", job.getId(), e);
            return new Result(Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Result stopped(RunningJob handle, java.util.function.BooleanSupplier closing) {
        if (handle.cancelled()) {
            return Result.of(Outcome.CANCELLED);
        }
        if (closing.getAsBoolean()) {
            return Result.of(Outcome.INTERRUPTED);
        }
        return new Result(Outcome.FAILED, "interrupted, though neither cancelled nor shutting down");
    }
}
