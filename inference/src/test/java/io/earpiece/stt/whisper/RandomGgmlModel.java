package io.earpiece.stt.whisper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes a ggml whisper model file with the real layout of an OpenAI whisper model and random weights, so that
 * loading and inference cost what they cost with the real model while the repository holds no weights.
 * <p>
 * Random decoders never predict end-of-text and would decode until whisper.cpp's per-window cap, so the decoder's
 * positional embedding is shaped to make end-of-text the certain prediction after {@code textTokens} tokens,
 * about what five seconds of real speech decode to.
 */
public final class RandomGgmlModel {

    /** Hyper-parameters of one whisper model size. */
    public record Layout(String name, int nVocab, int audioCtx, int state, int heads, int layers, int textCtx,
                         int mels) {

        /** ggml-tiny.en.bin */
        public static Layout tinyEn() {
            return new Layout("tiny.en", 51864, 1500, 384, 6, 4, 448, 80);
        }

        /** ggml-base.en.bin */
        public static Layout baseEn() {
            return new Layout("base.en", 51864, 1500, 512, 8, 6, 448, 80);
        }

        /** Tokens the file lists; whisper.cpp names the special tokens after them itself. */
        int fileTokens() {
            return END_OF_TEXT;
        }
    }

    static final int FTYPE_F16 = 1;

    /**
     * How the linear layers' weights and the token embedding are stored, as in whisper.cpp's own files: F16 as
     * converted, or quantized by its {@code quantize} tool (convolutions stay F16, biases and norms F32).
     */
    public enum Weights {
        F16("", FTYPE_F16, TYPE_F16),
        Q8_0("-q8_0", 7, 8),
        Q5_1("-q5_1", 9, 7);

        final String suffix;
        final int ftype;
        final int tensorType;

        Weights(String suffix, int ftype, int tensorType) {
            this.suffix = suffix;
            this.ftype = ftype;
            this.tensorType = tensorType;
        }
    }

    /** Values per quantization block of q8_0 and q5_1. */
    private static final int BLOCK = 32;
    private static final int TYPE_F32 = 0;
    private static final int TYPE_F16 = 1;
    /** Id of end-of-text in the English-only vocabulary. */
    private static final int END_OF_TEXT = 50256;
    /** The prompt whisper.cpp decodes before the first text token: start-of-transcript, no-timestamps. */
    private static final int PROMPT_TOKENS = 2;
    /** Characters from ' ' to '~'. */
    private static final int PRINTABLE_ASCII = 95;
    private static final int SAMPLE_RATE = 16_000;
    private static final int FFT_SIZE = 400;

    private final Layout layout;
    private final long seed;
    private final int textTokens;
    private final Weights weights;

    public RandomGgmlModel(Layout layout, long seed, int textTokens) {
        this(layout, seed, textTokens, Weights.F16);
    }

    public RandomGgmlModel(Layout layout, long seed, int textTokens, Weights weights) {
        if (textTokens < 1 || textTokens + PROMPT_TOKENS >= layout.textCtx()) {
            throw new IllegalArgumentException("textTokens out of range: " + textTokens);
        }
        this.layout = layout;
        this.seed = seed;
        this.textTokens = textTokens;
        this.weights = java.util.Objects.requireNonNull(weights, "weights");
    }

    /** The same model with its weights stored as {@code other}. */
    public RandomGgmlModel withWeights(Weights other) {
        return new RandomGgmlModel(layout, seed, textTokens, other);
    }

    /** The tiny.en layout, fixed seed, 20 text tokens per transcription. */
    public static RandomGgmlModel tinyEn() {
        return new RandomGgmlModel(Layout.tinyEn(), 42, 20);
    }

    /** The base.en layout, fixed seed, 20 text tokens per transcription. */
    public static RandomGgmlModel baseEn() {
        return new RandomGgmlModel(Layout.baseEn(), 42, 20);
    }

    public Layout layout() {
        return layout;
    }

    /** The file name whisper.cpp's download script would give the real model. */
    public String fileName() {
        return "ggml-" + layout.name() + weights.suffix + ".bin";
    }

    /** Writes the model to {@code dir/fileName()} unless a complete one from an earlier run is already there. */
    public Path writeCached(Path dir) throws IOException {
        Path file = dir.resolve(fileName());
        if (Files.isRegularFile(file)) {
            try {
                WhisperModelFile.inspect(file);
                return file;
            } catch (WhisperModelException stale) {
                // rewrite below
            }
        }
        return write(file);
    }

    /** Writes the model to {@code file} (atomically, through a temporary file next to it). */
    public Path write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            new Writer(out, new SplittableRandom(seed)).model();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private final class Writer {
        private final FileChannel out;
        private final SplittableRandom random;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Writer(FileChannel out, SplittableRandom random) {
            this.out = out;
            this.random = random;
        }

        void model() throws IOException {
            int n = layout.state();
            int32(WhisperModelFile.MAGIC);
            for (int v : new int[] {layout.nVocab(), layout.audioCtx(), n, layout.heads(), layout.layers(),
                    layout.textCtx(), n, layout.heads(), layout.layers(), layout.mels(), weights.ftype}) {
                int32(v);
            }
            melFilters();
            vocabulary();

            f32("encoder.positional_embedding", sinusoids(layout.audioCtx(), n), n, layout.audioCtx());
            f16Random("encoder.conv1.weight", 1 / Math.sqrt(3.0 * layout.mels()), 3, layout.mels(), n);
            f32Random("encoder.conv1.bias", 0.01, 1, n);
            f16Random("encoder.conv2.weight", 1 / Math.sqrt(3.0 * n), 3, n, n);
            f32Random("encoder.conv2.bias", 0.01, 1, n);
            for (int i = 0; i < layout.layers(); i++) {
                String p = "encoder.blocks." + i + ".";
                attention(p + "attn");
                mlp(p);
            }
            norm("encoder.ln_post");

            f32("decoder.positional_embedding", decoderPositions(), n, layout.textCtx());
            weights("decoder.token_embedding.weight", tokenEmbedding(), n, layout.nVocab());
            for (int i = 0; i < layout.layers(); i++) {
                String p = "decoder.blocks." + i + ".";
                attention(p + "attn");
                attention(p + "cross_attn");
                mlp(p);
            }
            norm("decoder.ln");
            flush();
        }

        private void attention(String prefix) throws IOException {
            int n = layout.state();
            double scale = 0.5 / Math.sqrt(n);
            norm(prefix + "_ln");
            weightsRandom(prefix + ".query.weight", scale, n, n);
            f32Random(prefix + ".query.bias", 0.01, n);
            weightsRandom(prefix + ".key.weight", scale, n, n);
            weightsRandom(prefix + ".value.weight", scale, n, n);
            f32Random(prefix + ".value.bias", 0.01, n);
            weightsRandom(prefix + ".out.weight", scale, n, n);
            f32Random(prefix + ".out.bias", 0.01, n);
        }

        private void mlp(String prefix) throws IOException {
            int n = layout.state();
            norm(prefix + "mlp_ln");
            weightsRandom(prefix + "mlp.0.weight", 0.5 / Math.sqrt(n), n, 4 * n);
            f32Random(prefix + "mlp.0.bias", 0.01, 4 * n);
            weightsRandom(prefix + "mlp.2.weight", 0.5 / Math.sqrt(4.0 * n), 4 * n, n);
            f32Random(prefix + "mlp.2.bias", 0.01, n);
        }

        private void norm(String prefix) throws IOException {
            float[] ones = new float[layout.state()];
            java.util.Arrays.fill(ones, 1f);
            f32(prefix + ".weight", ones, layout.state());
            f32(prefix + ".bias", new float[layout.state()], layout.state());
        }

        /** Triangular filters on the mel scale over the 201 bins of a 400-point FFT at 16 kHz. */
        private void melFilters() throws IOException {
            int bins = FFT_SIZE / 2 + 1;
            int32(layout.mels());
            int32(bins);
            double maxMel = mel(SAMPLE_RATE / 2.0);
            double[] edges = new double[layout.mels() + 2];
            for (int i = 0; i < edges.length; i++) {
                edges[i] = hz(maxMel * i / (edges.length - 1));
            }
            for (int m = 0; m < layout.mels(); m++) {
                double lo = edges[m];
                double mid = edges[m + 1];
                double hi = edges[m + 2];
                for (int b = 0; b < bins; b++) {
                    double f = (double) b * SAMPLE_RATE / FFT_SIZE;
                    double w = f <= lo || f >= hi ? 0 : f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                    float32((float) (w * 2 / (hi - lo)));
                }
            }
        }

        /** Pronounceable, unique, ASCII-only token strings (the JNI layer hands text to Java as UTF-8). */
        private void vocabulary() throws IOException {
            String consonants = "bdfghklmnprstvz";
            String vowels = "aeiou";
            int32(layout.fileTokens());
            for (int id = 0; id < PRINTABLE_ASCII; id++) {
                // single characters, " " among them: whisper.cpp looks up the blank token by its text
                int32(1);
                bytes(new byte[] {(byte) (' ' + id)});
            }
            for (int id = PRINTABLE_ASCII; id < layout.fileTokens(); id++) {
                StringBuilder word = new StringBuilder(" ");
                int rest = id - PRINTABLE_ASCII;
                do {
                    int syllable = rest % (consonants.length() * vowels.length());
                    word.append(consonants.charAt(syllable / vowels.length())).append(vowels.charAt(syllable % vowels.length()));
                    rest /= consonants.length() * vowels.length();
                } while (rest > 0);
                byte[] bytes = word.toString().getBytes(StandardCharsets.US_ASCII);
                int32(bytes.length);
                bytes(bytes);
            }
        }

        private float[] sinusoids(int length, int channels) {
            float[] pe = new float[length * channels];
            int half = channels / 2;
            double step = Math.log(10_000) / (half - 1);
            for (int p = 0; p < length; p++) {
                for (int i = 0; i < half; i++) {
                    double angle = p * Math.exp(-step * i);
                    pe[p * channels + i] = (float) Math.sin(angle);
                    pe[p * channels + half + i] = (float) Math.cos(angle);
                }
            }
            return pe;
        }

        /**
         * Positions where a text token is predicted lean away from the end-of-text direction; from the position
         * that predicts token number {@code textTokens} on they point along it, strongly enough to outweigh
         * everything the random layers add to the residual stream.
         */
        private float[] decoderPositions() {
            int n = layout.state();
            float[] pe = new float[layout.textCtx() * n];
            float[] eot = endOfTextDirection();
            int firstEnd = PROMPT_TOKENS - 1 + textTokens;
            for (int p = 0; p < layout.textCtx(); p++) {
                float[] row = new float[n];
                double along = 0;
                for (int i = 0; i < n; i++) {
                    row[i] = (float) uniform(0.5);
                    along += row[i] * eot[i];
                }
                double target = p >= firstEnd ? 300 : -8;
                for (int i = 0; i < n; i++) {
                    pe[p * n + i] = (float) (row[i] + (target - along) * eot[i]);
                }
            }
            return pe;
        }

        private float[] tokenEmbedding() {
            int n = layout.state();
            float[] te = new float[layout.nVocab() * n];
            for (int i = 0; i < te.length; i++) {
                te[i] = (float) uniform(0.02);
            }
            float[] eot = endOfTextDirection();
            for (int i = 0; i < n; i++) {
                te[END_OF_TEXT * n + i] = 2 * eot[i];
            }
            return te;
        }

        /** A fixed zero-mean unit vector (zero mean so that layer norm keeps it). */
        private float[] endOfTextDirection() {
            SplittableRandom own = new SplittableRandom(seed ^ 0x5EEDL);
            int n = layout.state();
            double[] d = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                d[i] = own.nextDouble(-1, 1);
                mean += d[i] / n;
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                d[i] -= mean;
                norm += d[i] * d[i];
            }
            float[] unit = new float[n];
            for (int i = 0; i < n; i++) {
                unit[i] = (float) (d[i] / Math.sqrt(norm));
            }
            return unit;
        }

        /** Uniform noise with standard deviation {@code std}. */
        private double uniform(double std) {
            double a = std * Math.sqrt(3);
            return random.nextDouble(-a, a);
        }

        private void f32Random(String name, double std, int... ne) throws IOException {
            header(name, TYPE_F32, ne);
            long count = count(ne);
            for (long i = 0; i < count; i++) {
                float32((float) uniform(std));
            }
        }

        private void f16Random(String name, double std, int... ne) throws IOException {
            header(name, TYPE_F16, ne);
            long count = count(ne);
            for (long i = 0; i < count; i++) {
                float16((float) uniform(std));
            }
        }

        private void f32(String name, float[] values, int... ne) throws IOException {
            header(name, TYPE_F32, ne);
            for (float v : values) {
                float32(v);
            }
        }

        private void weightsRandom(String name, double std, int... ne) throws IOException {
            if (weights == Weights.F16) {
                f16Random(name, std, ne);
                return;
            }
            float[] values = new float[(int) count(ne)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) uniform(std);
            }
            weights(name, values, ne);
        }

        /** A 2-D weight matrix in the model's weight type; rows are a whole number of blocks for quantized types. */
        private void weights(String name, float[] values, int... ne) throws IOException {
            if (weights == Weights.F16) {
                f16(name, values, ne);
                return;
            }
            if (ne[0] % BLOCK != 0) {
                throw new IllegalArgumentException(name + ": rows of " + ne[0] + " are not whole blocks");
            }
            header(name, weights.tensorType, ne);
            for (int from = 0; from < values.length; from += BLOCK) {
                if (weights == Weights.Q8_0) {
                    q8Block(values, from);
                } else {
                    q5_1Block(values, from);
                }
            }
        }

        /** q8_0, as {@link WhisperModelQuantizer} writes it. */
        private void q8Block(float[] x, int from) throws IOException {
            room(Q8Block.BYTES);
            Q8Block.encode(x, from, buffer);
        }

        /**
         * q5_1: f16 scale and minimum, 32 bits holding every value's fifth bit, then the low four bits of two
         * values per byte (value i in the low nibble of byte i, value i + 16 in its high nibble).
         */
        private void q5_1Block(float[] x, int from) throws IOException {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int i = 0; i < BLOCK; i++) {
                min = Math.min(min, x[from + i]);
                max = Math.max(max, x[from + i]);
            }
            float d = (max - min) / 31;
            float inverse = d == 0 ? 0 : 1 / d;
            float16(d);
            float16(min);
            int high = 0;
            byte[] low = new byte[BLOCK / 2];
            for (int i = 0; i < BLOCK / 2; i++) {
                int a = (int) ((x[from + i] - min) * inverse + 0.5f);
                int b = (int) ((x[from + BLOCK / 2 + i] - min) * inverse + 0.5f);
                low[i] = (byte) ((a & 0x0F) | ((b & 0x0F) << 4));
                high |= ((a >> 4) & 1) << i;
                high |= ((b >> 4) & 1) << (i + BLOCK / 2);
            }
            int32(high);
            bytes(low);
        }

        private void f16(String name, float[] values, int... ne) throws IOException {
            header(name, TYPE_F16, ne);
            for (float v : values) {
                float16(v);
            }
        }

        private void header(String name, int type, int... ne) throws IOException {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            int32(ne.length);
            int32(bytes.length);
            int32(type);
            for (int e : ne) {
                int32(e);
            }
            bytes(bytes);
        }

        private long count(int... ne) {
            long count = 1;
            for (int e : ne) {
                count *= e;
            }
            return count;
        }

        private void int32(int v) throws IOException {
            room(Integer.BYTES);
            buffer.putInt(v);
        }

        private void float32(float v) throws IOException {
            room(Float.BYTES);
            buffer.putFloat(v);
        }

        private void float16(float v) throws IOException {
            room(Short.BYTES);
            buffer.putShort(HalfFloat.bits(v));
        }

        private void bytes(byte[] b) throws IOException {
            room(b.length);
            buffer.put(b);
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            buffer.clear();
        }
    }

    private static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
