package io.earpiece.upload;

import io.earpiece.assist.AnalysisResult;
import io.earpiece.assist.AssistEngine;
import io.earpiece.assist.ReferenceTranscript;
import io.earpiece.assist.ReferenceUtterance;
import io.earpiece.assist.playbook.PlaybookLoader;
import io.earpiece.diarize.DiarizationErrorRate;
import io.earpiece.diarize.DiarizationSettings;
import io.earpiece.diarize.Diarizer;
import io.earpiece.diarize.SpeakerTurn;
import io.earpiece.testcalls.RenderedCall;
import io.earpiece.testcalls.TestCalls;
import io.earpiece.stt.whisper.RandomGgmlModel;
import io.earpiece.stt.whisper.WhisperRecognizer;
import io.earpiece.stt.whisper.WhisperSettings;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the upload path on one recording: decode, mono diarization, and batch transcription with random-weight
 * tiny.en- and base.en-layout whisper models, plus the offline assist analysis of the result.
 * Arguments: the recording, the model cache folder, threads, and optionally the call script it was rendered from
 * (for the diarization error rate against its reference).
 */
public final class UploadBenchmark {

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path recording = Paths.get(args[0]);
        Path models = Paths.get(args[1]);
        int threads = Integer.parseInt(args[2]);
        AudioDecoder decoder = new AudioDecoder(FfmpegTools.onPath(), DecoderSettings.defaults(), new MediaSniffer());
        Diarizer diarizer = new Diarizer(DiarizationSettings.defaults());
        // UPLOAD_BENCH_DECODE_THREADS: whisper threads per chunk, the chunks in parallel being threads / that. The
        // default, one thread per chunk, is the server's (earpiece.whisper.threads=1, a context per core); on a quiet
        // 2-core machine it was the faster split (base.en 19.9 s against 21.5 s for one 2-thread chunk at a time).
        int perChunk = Integer.parseInt(System.getenv().getOrDefault("UPLOAD_BENCH_DECODE_THREADS", "1"));
        BatchSettings batch = new BatchSettings(Math.max(1, threads / perChunk), 25_000,
                BatchSettings.defaults().chunkVad());

        long t0 = System.nanoTime();
        DecodedAudio audio = decoder.decode(recording);
        double decodeS = seconds(t0);
        long t1 = System.nanoTime();
        List<SpeakerTurn> turns = diarizer.diarize(audio.channels());
        double diarizeS = seconds(t1);
        System.out.printf(Locale.ROOT, "%s: %.1f s of %s, decoded in %.2f s, %d turns diarized in %.2f s%n",
                recording.getFileName(), audio.durationMs() / 1000.0, audio.sourceCodec(), decodeS, turns.size(),
                diarizeS);

        String der = "";
        if (args.length > 3) {
            // the reference times of the script as this renderer speaks it (the voices and pauses of synth-call)
            RenderedCall call = TestCalls.render(Paths.get(args[3]), recording.getParent().resolve("reference"));
            List<SpeakerTurn> reference = new ArrayList<>();
            for (String party : List.of("rep", "customer")) {
                call.of(party).forEach(r -> reference.add(new SpeakerTurn(party, r.startMs(), r.endMs())));
            }
            DiarizationErrorRate.Result strict = new DiarizationErrorRate(0).score(reference, turns);
            DiarizationErrorRate.Result collar = new DiarizationErrorRate(250).score(reference, turns);
            System.out.printf(Locale.ROOT, "diarization: %s; with 250 ms collar %.1f%%%n", strict, collar.der() * 100);
            der = String.format(Locale.ROOT, "der_pct=%.1f ", strict.der() * 100);
        }
        Map<String, Double> totals = new LinkedHashMap<>();
        List<TranscribedUtterance> last = List.of();
        String only = System.getenv().getOrDefault("UPLOAD_BENCH_MODELS", "tiny,base");
        // UPLOAD_BENCH_WEIGHTS: Q8_0 (what the server runs by default, see earpiece.whisper.quantize), F16 (the file as
        // converted) or Q5_1
        RandomGgmlModel.Weights weights = RandomGgmlModel.Weights.valueOf(
                System.getenv().getOrDefault("UPLOAD_BENCH_WEIGHTS", "Q8_0"));
        for (RandomGgmlModel model : new RandomGgmlModel[] {RandomGgmlModel.tinyEn().withWeights(weights),
                RandomGgmlModel.baseEn().withWeights(weights)}) {
            if (!only.contains(model.layout().name().replace(".en", ""))) {
                continue;
            }
            Path file = model.writeCached(models);
            long load = System.nanoTime();
            // As in bench/stt-latency: random tokens always look unreliable, so temperature fallback would
            // re-decode every chunk five more times, which real speech rarely needs.
            WhisperSettings settings = new WhisperSettings(file, perChunk,
                    Math.max(1, threads / perChunk), "en").withTemperatureFallback(false);
            try (WhisperRecognizer whisper = new WhisperRecognizer(settings)) {
                double loadS = seconds(load);
                BatchTranscriber transcriber = new BatchTranscriber(decoder, diarizer, whisper, batch);
                long start = System.nanoTime();
                BatchTranscript t = transcriber.transcribe("bench", recording, ProgressListener.none());
                double total = seconds(start);
                String key = model.layout().name().replace(".en", "");
                totals.put(key, total);
                last = t.utterances();
                System.out.printf(Locale.ROOT, "%s: model load %.2f s, file to %d utterances in %.1f s (%.2fx real "
                        + "time), %d failed chunks%n", whisper.describe(), loadS, t.utterances().size(), total,
                        total / (audio.durationMs() / 1000.0), t.failedChunks());
            }
        }
        long a = System.nanoTime();
        AssistEngine engine = new AssistEngine(new PlaybookLoader().loadDefault());
        double engineLoadS = seconds(a);
        List<ReferenceUtterance> utterances = new ArrayList<>();
        for (TranscribedUtterance u : last) {
            // the first speaker of a sales call is normally the rep who placed it
            String party = u.speaker().equals(SpeakerTurn.label(0)) ? "rep" : "customer";
            utterances.add(new ReferenceUtterance(party, u.startMs() / 1000.0, u.endMs() / 1000.0, u.text(), List.of()));
        }
        long b = System.nanoTime();
        AnalysisResult result = engine.analyze(new ReferenceTranscript("bench", "sales", utterances));
        double analyseS = seconds(b);
        System.out.printf(Locale.ROOT, "assist: engine load %.2f s, analysed %d utterances in %.2f s (%d events)%n",
                engineLoadS, utterances.size(), analyseS, result.events().size());
        System.out.printf(Locale.ROOT, "audio_s=%.0f tiny_total_s=%.1f base_total_s=%.1f decode_s=%.2f diarize_s=%.2f "
                        + "analyse_s=%.2f turns=%d %sthreads=%d%n", audio.durationMs() / 1000.0, totals.get("tiny"),
                totals.get("base"), decodeS, diarizeS, analyseS, turns.size(), der, threads);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
