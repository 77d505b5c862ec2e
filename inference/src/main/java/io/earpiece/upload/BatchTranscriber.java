package io.earpiece.upload;

import io.earpiece.diarize.Diarizer;
import io.earpiece.diarize.SpeakerTurn;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;
import io.earpiece.stt.vad.DetectedSpeech;
import io.earpiece.stt.vad.UtteranceSegmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offline transcription of a whole recording: decode, diarize, cut each speaker turn into chunks the recognizer
 * takes (at pauses when a turn is long), and recognise the chunks on a bounded number of threads, reporting
 * progress as it goes. Percentages: decoding 0-5, diarizing 5-10, transcribing 10-95; the remaining 95-100 are
 * left to whoever analyses the transcript ({@link TranscriptionStage#ANALYSING}).
 */
public final class BatchTranscriber {

    /** Where transcription ends in the job's percentage; analysis of the transcript takes the rest. */
    public static final int TRANSCRIBED_PERCENT = 95;
    private static final Logger log = LoggerFactory.getLogger(BatchTranscriber.class);
    private static final int DECODED_PERCENT = 5;
    private static final int DIARIZED_PERCENT = 10;
    private static final int SAMPLES_PER_MS = DecodedAudio.SAMPLE_RATE / 1000;
    private static final int FRAME_SAMPLES = 320;

    private final AudioDecoder decoder;
    private final Diarizer diarizer;
    private final SpeechRecognizer recognizer;
    private final BatchSettings settings;

    public BatchTranscriber(AudioDecoder decoder, Diarizer diarizer, SpeechRecognizer recognizer,
                            BatchSettings settings) {
        this(diarizer, recognizer, settings, Objects.requireNonNull(decoder, "decoder"));
    }

    /** For audio that is already decoded (recordings the media server wrote): no decoder, no files. */
    public BatchTranscriber(Diarizer diarizer, SpeechRecognizer recognizer, BatchSettings settings) {
        this(diarizer, recognizer, settings, null);
    }

    private BatchTranscriber(Diarizer diarizer, SpeechRecognizer recognizer, BatchSettings settings,
                             AudioDecoder decoder) {
        this.decoder = decoder;
        this.diarizer = Objects.requireNonNull(diarizer, "diarizer");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Decodes, diarizes and transcribes {@code file}; {@code jobId} names the job in logs and utterances. */
    public BatchTranscript transcribe(String jobId, Path file, ProgressListener listener)
            throws IOException, MediaException, InterruptedException {
        if (decoder == null) {
            throw new IllegalStateException("this transcriber was made for decoded audio and has no decoder");
        }
        listener.onProgress(new Progress(TranscriptionStage.DECODING, 0, Optional.empty()));
        DecodedAudio audio = decoder.decode(file, fraction -> listener.onProgress(new Progress(
                TranscriptionStage.DECODING, (int) Math.round(fraction * DECODED_PERCENT), Optional.empty())));
        return transcribe(jobId, audio, listener);
    }

    /** Diarizes and transcribes already decoded audio. */
    public BatchTranscript transcribe(String jobId, DecodedAudio audio, ProgressListener listener)
            throws InterruptedException {
        listener.onProgress(new Progress(TranscriptionStage.DIARIZING, DECODED_PERCENT, Optional.empty()));
        List<SpeakerTurn> turns = diarizer.diarize(audio.channels());
        listener.onProgress(new Progress(TranscriptionStage.DIARIZING, DIARIZED_PERCENT, Optional.empty()));
        Result result = recogniseTurns(jobId, audio.channels(), turns, listener);
        return new BatchTranscript(audio.durationMs(), audio.sourceCodec(), turns, result.utterances, result.failed);
    }

    private record Chunk(String speaker, int channel, long startMs, long endMs) {
        long durationMs() {
            return endMs - startMs;
        }
    }

    private record Result(List<TranscribedUtterance> utterances, int failed) {
    }

    /** Recognises the given turns of {@code channels}; utterances come back in time order. */
    public List<TranscribedUtterance> transcribeTurns(String jobId, List<short[]> channels, List<SpeakerTurn> turns,
                                                      ProgressListener listener) throws InterruptedException {
        return recogniseTurns(jobId, channels, turns, listener).utterances;
    }

    private Result recogniseTurns(String jobId, List<short[]> channels, List<SpeakerTurn> turns,
                                  ProgressListener listener) throws InterruptedException {
        List<Chunk> chunks = new ArrayList<>();
        for (SpeakerTurn turn : turns) {
            // a turn names the channel that carries its speaker; mono audio has only channel 0
            int channel = Math.min(turn.channel(), channels.size() - 1);
            chunks.addAll(chunk(turn, channel, channels.get(channel)));
        }
        chunks.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        long totalMs = Math.max(1, chunks.stream().mapToLong(Chunk::durationMs).sum());
        AtomicLong doneMs = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        listener.onProgress(new Progress(TranscriptionStage.TRANSCRIBING, DIARIZED_PERCENT, Optional.empty()));
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), threads(jobId));
        try {
            // longest first: the threads then run out of work at about the same time, instead of one finishing a
            // long late chunk alone while the others idle
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Long.compare(chunks.get(b).durationMs(), chunks.get(a).durationMs()));
            List<Future<String>> texts = new ArrayList<>(java.util.Collections.nCopies(chunks.size(), null));
            for (int i : order) {
                Chunk chunk = chunks.get(i);
                Utterance utterance = new Utterance(jobId, chunk.speaker(), i, chunk.startMs(), chunk.endMs(),
                        samples(channels.get(chunk.channel()), chunk.startMs(), chunk.endMs()));
                texts.set(i, pool.submit(() -> {
                    String text = recognise(utterance, failed);
                    long done = doneMs.addAndGet(chunk.durationMs());
                    listener.onProgress(transcribing(done, totalMs, started));
                    return text;
                }));
            }
            List<TranscribedUtterance> out = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                String text;
                try {
                    text = texts.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("recognition task failed unexpectedly", e.getCause());
                }
                out.add(new TranscribedUtterance(chunk.speaker(), chunk.startMs(), chunk.endMs(), text));
            }
            return new Result(out, failed.get());
        } finally {
            // on interrupt this also stops queued chunks; a running whisper decode finishes its chunk
            pool.shutdownNow();
        }
    }

    private String recognise(Utterance utterance, AtomicInteger failed) {
        try {
            String text = recognizer.transcribe(utterance);
            return text == null ? "" : text.strip();
        } catch (RuntimeException | LinkageError e) {
            failed.incrementAndGet();
            log.error("{}: recognition of {} {}-{} ms failed ({}); keeping the chunk without text",
                    utterance.callId(), utterance.party(), utterance.startMs(), utterance.endMs(),
                    recognizer.describe(), e);
            return "";
        }
    }

    private static Progress transcribing(long doneMs, long totalMs, long startedNanos) {
        double fraction = Math.min(1.0, (double) doneMs / totalMs);
        int percent = DIARIZED_PERCENT + (int) Math.floor(fraction * (TRANSCRIBED_PERCENT - DIARIZED_PERCENT));
        long elapsedNanos = System.nanoTime() - startedNanos;
        Optional<Duration> eta = fraction <= 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos((long) (elapsedNanos * (1 - fraction) / fraction)));
        return new Progress(TranscriptionStage.TRANSCRIBING, percent, eta);
    }

    /** The turn as one chunk, or cut at its pauses into chunks no longer than the configured maximum. */
    private List<Chunk> chunk(SpeakerTurn turn, int channel, short[] pcm) {
        if (turn.durationMs() <= settings.maxChunkMs()) {
            return List.of(new Chunk(turn.speaker(), channel, turn.startMs(), turn.endMs()));
        }
        UtteranceSegmenter segmenter = new UtteranceSegmenter(settings.chunkVad());
        List<DetectedSpeech> pieces = new ArrayList<>();
        int from = (int) Math.min(pcm.length, turn.startMs() * SAMPLES_PER_MS);
        int to = (int) Math.min(pcm.length, turn.endMs() * SAMPLES_PER_MS);
        for (int offset = from; offset < to; offset += FRAME_SAMPLES) {
            short[] frame = Arrays.copyOfRange(pcm, offset, Math.min(to, offset + FRAME_SAMPLES));
            segmenter.accept(offset / SAMPLES_PER_MS, frame).ifPresent(pieces::add);
        }
        segmenter.flush().ifPresent(pieces::add);
        List<Chunk> out = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (DetectedSpeech piece : pieces) {
            if (start >= 0 && piece.endMs() - start > settings.maxChunkMs()) {
                out.add(new Chunk(turn.speaker(), channel, start, end));
                start = -1;
            }
            if (start < 0) {
                start = Math.max(turn.startMs(), piece.startMs());
            }
            end = Math.min(turn.endMs(), piece.endMs());
        }
        if (start >= 0) {
            out.add(new Chunk(turn.speaker(), channel, start, end));
        }
        return out;
    }

    private static float[] samples(short[] pcm, long startMs, long endMs) {
        int from = (int) Math.min(pcm.length, startMs * SAMPLES_PER_MS);
        int to = (int) Math.min(pcm.length, endMs * SAMPLES_PER_MS);
        float[] out = new float[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pcm[from + i] / 32768f;
        }
        return out;
    }

    private static ThreadFactory threads(String jobId) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "batch-stt-" + jobId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
