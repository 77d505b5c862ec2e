package io.earpiece.stt.whisper;

import io.earpiece.stt.SpeechRecognizer;
import io.earpiece.stt.Utterance;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Recognises utterances with whisper.cpp through whisper-jni: one loaded model, a few whisper states so that
 * several utterances can be decoded at once, greedy decoding of a single untimed segment.
 */
public final class WhisperRecognizer implements SpeechRecognizer {

    private static final Logger log = LoggerFactory.getLogger(WhisperRecognizer.class);
    /** whisper.cpp refuses input shorter than this; shorter utterances are padded with silence. */
    private static final int MIN_SAMPLES = 16_000 + 1_600;
    private static final int CLOSE_WAIT_SECONDS = 30;

    private final WhisperSettings settings;
    private final WhisperJNI whisper = new WhisperJNI();
    private final WhisperContext context;
    private final List<WhisperState> states = new ArrayList<>();
    private final BlockingQueue<WhisperState> idle;
    private final String description;
    private volatile boolean closed;

    /** Loads the model; throws {@link WhisperModelException} when it is missing, unreadable or corrupt. */
    public WhisperRecognizer(WhisperSettings settings) {
        this.settings = settings;
        WhisperModelFile model = WhisperModelFile.inspect(settings.model());
        WhisperNativeLibrary.ensureLoaded();
        WhisperContextParams contextParams = new WhisperContextParams();
        contextParams.useGPU = false;
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
        description = "whisper.cpp cpu " + settings.model().getFileName() + " threads=" + settings.threads();
        log.info("loaded {} ({} encoder / {} decoder layers, width {}) with {} states in {} ms", description,
                model.audioLayers(), model.textLayers(), model.audioState(), settings.contexts(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public String transcribe(Utterance utterance) {
        if (closed) {
            throw new IllegalStateException("recognizer is closed: " + description);
        }
        float[] samples = utterance.samples();
        if (samples.length < MIN_SAMPLES) {
            samples = Arrays.copyOf(samples, MIN_SAMPLES);
        }
        WhisperState state = borrow();
        try {
            int rc = whisper.fullWithState(context, state, decodingParams(), samples, samples.length);
            if (rc != 0) {
                throw new IllegalStateException("whisper.cpp failed to transcribe " + utterance.callId() + "/"
                        + utterance.party() + " #" + utterance.index() + " (code " + rc + ")");
            }
            StringBuilder text = new StringBuilder();
            int segments = whisper.fullNSegmentsFromState(state);
            for (int i = 0; i < segments; i++) {
                text.append(whisper.fullGetSegmentTextFromState(state, i));
            }
            return text.toString().strip();
        } finally {
            idle.add(state);
        }
    }

    private WhisperFullParams decodingParams() {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = settings.threads();
        params.language = settings.language();
        params.translate = false;
        params.noTimestamps = true;
        params.singleSegment = true;
        params.noContext = true;
        params.greedyBestOf = 1;
        // no temperature fallback: a re-decode would double the latency of exactly the hard utterances, and
        // whisper-jni 1.7.1 exposes no max_tokens, so this keeps the work per utterance to one bounded pass
        params.temperatureInc = 0f;
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
