package io.earpiece.stt.whisper;

import io.earpiece.stt.RecognitionHints;
import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;
import io.earpiece.stt.guard.HallucinationFilter;
import io.earpiece.stt.guard.SpeechEvidence;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperContextParams;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Recognises utterances with whisper.cpp through whisper-jni: one loaded model, a few whisper states so that
 * several utterances can be decoded at once, greedy decoding of a single untimed segment. Audio without voiced speech
 * is not decoded, and known hallucinations are removed from the text, so silence and noise give empty text.
 */
public final class WhisperRecognizer implements SpeechRecognizer {

    private static final Logger log = LoggerFactory.getLogger(WhisperRecognizer.class);
    /** whisper.cpp refuses input shorter than this; shorter utterances are padded with silence. */
    private static final int MIN_SAMPLES = 16_000 + 1_600;
    private static final int CLOSE_WAIT_SECONDS = 30;
    /** whisper's encoder has one position per 20 ms of audio, 1500 for its 30 s window. */
    private static final int SAMPLES_PER_AUDIO_POSITION = 320;
    private static final int MAX_AUDIO_CTX = 1500;
    /** Positions encoded beyond the audio: whisper was trained on 30 s windows and needs some trailing context. */
    private static final int AUDIO_CTX_MARGIN = 64;
    private static final float FALLBACK_TEMPERATURE_STEP = 0.2f;

    private final WhisperSettings settings;
    private final WhisperJNI whisper = new WhisperJNI();
    private final WhisperContext context;
    private final List<WhisperState> states = new ArrayList<>();
    private final BlockingQueue<WhisperState> idle;
    private final String description;
    private final SpeechEvidence speechEvidence;
    private final HallucinationFilter hallucinations = new HallucinationFilter();
    private volatile boolean closed;

    /** Loads the model; throws {@link WhisperModelException} when it is missing, unreadable or corrupt. */
    public WhisperRecognizer(WhisperSettings settings) {
        this(settings, SpeechEvidence.defaults());
    }

    /** Loads the model; audio that {@code speechEvidence} finds no speech in is not decoded. */
    public WhisperRecognizer(WhisperSettings settings, SpeechEvidence speechEvidence) {
        this.settings = settings;
        this.speechEvidence = speechEvidence;
        WhisperModelFile model = WhisperModelFile.inspect(settings.model());
        WhisperNativeLibrary.ensureLoaded(settings.backend());
        WhisperContextParams contextParams = new WhisperContextParams();
        contextParams.useGPU = settings.backend().usesGpu();
        long started = System.nanoTime();
        try {
            context = whisper.initNoState(settings.model(), contextParams);
        } catch (IOException e) {
            throw new WhisperModelException("whisper.cpp could not open " + settings.model() + ": " + e.getMessage(), e);
        }
        if (context == null) {
            throw new WhisperModelException("whisper.cpp refused the model " + settings.model().toAbsolutePath()
                    + " (tensor names or shapes do not match a whisper model)");
        }
        idle = new ArrayBlockingQueue<>(settings.contexts());
        for (int i = 0; i < settings.contexts(); i++) {
            WhisperState state = whisper.initState(context);
            if (state == null) {
                close();
                throw new IllegalStateException("whisper.cpp could not allocate decoding state " + i + " for "
                        + settings.model().getFileName());
            }
            states.add(state);
            idle.add(state);
        }
        description = "whisper.cpp " + settings.backend().kind().name().toLowerCase(Locale.ROOT) + " "
                + settings.model().getFileName() + " threads=" + settings.threads();
        log.info("loaded {} ({} encoder / {} decoder layers, width {}) with {} states in {} ms on backend {}",
                description, model.audioLayers(), model.textLayers(), model.audioState(), settings.contexts(),
                (System.nanoTime() - started) / 1_000_000, settings.backend().describe());
    }

    @Override
    public String transcribe(Utterance utterance) {
        return transcribe(utterance, RecognitionHints.none());
    }

    @Override
    public String transcribe(Utterance utterance, RecognitionHints hints) {
        if (closed) {
            throw new IllegalStateException("recognizer is closed: " + description);
        }
        float[] samples = utterance.samples();
        if (!speechEvidence.hasSpeech(samples)) {
            return "";
        }
        if (samples.length < MIN_SAMPLES) {
            samples = Arrays.copyOf(samples, MIN_SAMPLES);
        }
        WhisperState state = borrow();
        try {
            int rc = whisper.fullWithState(context, state, decodingParams(samples.length, hints), samples,
                    samples.length);
            if (rc != 0) {
                throw new IllegalStateException("whisper.cpp failed to transcribe " + utterance.callId() + "/"
                        + utterance.party() + " #" + utterance.index() + " (code " + rc + ")");
            }
            StringBuilder text = new StringBuilder();
            int segments = whisper.fullNSegmentsFromState(state);
            for (int i = 0; i < segments; i++) {
                text.append(whisper.fullGetSegmentTextFromState(state, i));
            }
            return hallucinations.clean(text.toString());
        } finally {
            idle.add(state);
        }
    }

    private WhisperFullParams decodingParams(int samples, RecognitionHints hints) {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = settings.threads();
        params.language = settings.language();
        params.translate = false;
        params.noTimestamps = true;
        params.singleSegment = true;
        params.noContext = true;
        params.greedyBestOf = 1;
        params.suppressNonSpeechTokens = true;
        if (!hints.prompt().isBlank()) {
            params.initialPrompt = hints.prompt();
        }
        if (settings.shortAudioContext()) {
            params.audioCtx = Math.min(MAX_AUDIO_CTX,
                    (samples + SAMPLES_PER_AUDIO_POSITION - 1) / SAMPLES_PER_AUDIO_POSITION + AUDIO_CTX_MARGIN);
        }
        // a partial is replaced soon anyway: a fallback re-decode would only delay the next one
        params.temperatureInc = settings.temperatureFallback() && !hints.partial() ? FALLBACK_TEMPERATURE_STEP : 0f;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.printSpecial = false;
        return params;
    }

    private WhisperState borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free whisper state", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** Refuses new work, waits (bounded) for running transcriptions, then frees the states and the model. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < states.size(); i++) {
            try {
                if (idle.poll(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS) == null) {
                    // freeing a state that whisper.cpp is still using would crash the JVM; leak it instead
                    log.warn("{}: a transcription is still running after {} s; native memory is not freed",
                            description, CLOSE_WAIT_SECONDS);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("{}: interrupted while closing; native memory is not freed", description);
                return;
            }
        }
        states.forEach(WhisperState::close);
        states.clear();
        context.close();
    }
}
