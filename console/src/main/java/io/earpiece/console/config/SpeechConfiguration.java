package io.earpiece.console.config;

import io.earpiece.console.call.DecodeLoadWindow;
import io.earpiece.console.call.LiveAdmission;
import io.earpiece.console.metrics.RecognitionMetrics;
import io.earpiece.stt.SegmentListener;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptionSession;
import io.earpiece.stt.scheduling.DecodeSample;
import io.earpiece.stt.scheduling.RecognitionMetricsListener;
import io.earpiece.stt.scheduling.RecognitionScheduler;
import io.earpiece.stt.scheduling.SchedulerSettings;
import io.earpiece.stt.streaming.StreamingSettings;
import io.earpiece.stt.streaming.StreamingSpeechToText;
import io.earpiece.stt.whisper.WhisperBackend;
import io.earpiece.stt.whisper.WhisperModelQuantizer;
import io.earpiece.stt.whisper.WhisperRecognizer;
import io.earpiece.stt.whisper.WhisperSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the speech recognizer. A configured model that fails to load stops start-up (no silent fallback);
 * only the absent default model leaves the server running without transcription, and says so.
 */
@Configuration(proxyBeanMethods = false)
public class SpeechConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SpeechConfiguration.class);

    /**
     * The q8_0 copy of {@code model}, written on first use. A model whisper.cpp could not load stops start-up as
     * before; a copy that cannot be written (read-only folder, full disk) only costs speed, so that is a warning.
     */
    private static Path q8Copy(Path model) {
        try {
            long started = System.nanoTime();
            Path copy = new WhisperModelQuantizer().q8Copy(model);
            if (!copy.equals(model)) {
                log.info("whisper model {} runs as its q8_0 copy {} (ready in {} ms; earpiece.whisper.quantize=none "
                        + "runs the file as it is)", model.getFileName(), copy, (System.nanoTime() - started) / 1_000_000);
            }
            return copy;
        } catch (java.io.IOException e) {
            log.warn("could not write a q8_0 copy of {} ({}); running the model as it is, which is slower on CPU",
                    model, e.toString());
            return model;
        }
    }

    @Bean(destroyMethod = "close")
    SpeechRecognizerHolder speechRecognizerHolder(EarpieceProperties p, ObjectProvider<SpeechRecognizer> provided) {
        SpeechRecognizer injected = provided.getIfAvailable();
        if (injected != null) {
            log.info("speech recognizer: {}", injected.describe());
            return new SpeechRecognizerHolder(injected);
        }
        Path model = p.whisperModel();
        boolean explicit = !p.whisper().model().isBlank();
        if (!Files.isRegularFile(model)) {
            if (explicit) {
                throw new IllegalStateException("earpiece.whisper.model=" + model + " does not exist");
            }
            log.warn("No Whisper model at {}: calls are answered and recorded but NOT transcribed. "
                    + "Provide one with './earpiece models pull base.en' (needs internet) or copy a ggml model there, "
                    + "or set earpiece.whisper.model / EARPIECE_WHISPER_MODEL.", model.toAbsolutePath());
            return new SpeechRecognizerHolder(null);
        }
        EarpieceProperties.Whisper w = p.whisper();
        if (w.quantize() == EarpieceProperties.Quantize.Q8_0) {
            model = q8Copy(model);
        }
        WhisperRecognizer whisper = new WhisperRecognizer(new WhisperSettings(model, w.threads(), p.whisperContexts(),
                w.language(), WhisperBackend.parse(w.backend()), true, w.temperatureFallback()));
        log.info("speech recognizer: {}", whisper.describe());
        return new SpeechRecognizerHolder(whisper);
    }

    @Bean(destroyMethod = "close")
    RecognitionScheduler recognitionScheduler(EarpieceProperties p, RecognitionMetrics metrics, LiveAdmission admission,
                                              MeterRegistry registry) {
        int workers = p.whisperContexts();
        // one waiting partial per worker: a partial that waits behind others is stale when it runs
        RecognitionScheduler scheduler = new RecognitionScheduler(new SchedulerSettings(
                workers, Math.max(1, p.whisper().maxQueued()), workers, p.whisper().partialBusyLimit(),
                p.live().afterCallBusyLimit()),
                new BothListeners(metrics, admission));
        Gauge.builder("earpiece.stt.queue.depth", scheduler, s -> s.stats().queueDepth())
                .description("decodes waiting").register(registry);
        return scheduler;
    }

    /** What the decode workers did lately, for the live admission (see {@code earpiece.live.window}). */
    @Bean
    DecodeLoadWindow decodeLoadWindow(EarpieceProperties p) {
        return new DecodeLoadWindow(p.live().window().toNanos(), System::nanoTime);
    }

    /** The scheduler takes one listener: the metrics and the live admission both hear every decode. */
    private record BothListeners(RecognitionMetricsListener first, RecognitionMetricsListener second)
            implements RecognitionMetricsListener {
        @Override
        public void onDecode(DecodeSample sample) {
            first.onDecode(sample);
            second.onDecode(sample);
        }

        @Override
        public void onPartialDropped(String callId) {
            first.onPartialDropped(callId);
            second.onPartialDropped(callId);
        }

        @Override
        public void onFinalDelivered(String callId, String party, int index, long latencyNanos) {
            first.onFinalDelivered(callId, party, index, latencyNanos);
            second.onFinalDelivered(callId, party, index, latencyNanos);
        }
    }

    @Bean
    SpeechToText speechToText(SpeechRecognizerHolder holder, RecognitionScheduler scheduler, EarpieceProperties p) {
        if (holder.recognizer() == null) {
            return SpeechConfiguration::noTranscription;
        }
        StreamingSettings settings = StreamingSettings.defaults()
                .withPartialIntervalMs((int) p.whisper().partialInterval().toMillis())
                .withCommitPauseMs((int) p.whisper().commitPause().toMillis())
                .withMaxPromptChars(p.whisper().maxPromptChars());
        return new StreamingSpeechToText(settings, holder.recognizer(), scheduler);
    }

    private static TranscriptionSession noTranscription(String callId, String party, SegmentListener listener) {
        return new TranscriptionSession() {
            @Override
            public void accept(long mediaTimeMs, short[] samples) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The recognizer in effect, or null when transcription is off; owns closing it. */
    public record SpeechRecognizerHolder(SpeechRecognizer recognizer) implements AutoCloseable {
        @Override
        public void close() {
            if (recognizer != null) {
                recognizer.close();
            }
        }
    }
}
