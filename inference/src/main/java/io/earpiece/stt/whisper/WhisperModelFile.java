package io.earpiece.stt.whisper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The structure of a ggml whisper model file, checked end to end before whisper.cpp sees it: whisper.cpp trusts
 * the sizes it reads, so a truncated or corrupt file could otherwise crash the JVM instead of failing.
 *
 * @param nVocab      vocabulary size including special tokens
 * @param audioState  width of the encoder (equal to the decoder's)
 * @param audioLayers encoder layers (4 tiny, 6 base, 12 small, ...)
 * @param textLayers  decoder layers
 * @param mels        mel bands of the input spectrogram
 * @param ftype       ggml storage type of the big matrices (1 = f16)
 * @param tensors     tensors in the file
 */
public record WhisperModelFile(int nVocab, int audioState, int audioLayers, int textLayers, int mels, int ftype,
                               int tensors) {

    /** The four bytes "ggml" read as a little-endian int. */
    static final int MAGIC = 0x67676d6c;
    /** Frequency bins of whisper's 400-point FFT, which whisper.cpp assumes without checking. */
    static final int FFT_BINS = 201;
    private static final int QUANT_VERSION_FACTOR = 1000;
    /** Highest ggml_ftype value (q6_k) that whisper model files use. */
    private static final int MAX_FTYPE = 14;
    private static final int MAX_TOKEN_BYTES = 1 << 12;
    private static final int MAX_NAME_BYTES = 1 << 10;

    /** Reads and checks the whole structure of {@code path}. */
    public static WhisperModelFile inspect(Path path) {
        if (!Files.exists(path)) {
            throw new WhisperModelException("whisper model not found: " + path.toAbsolutePath());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new WhisperModelException("whisper model is not a readable file: " + path.toAbsolutePath());
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return parse(channel, path.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new WhisperModelException("whisper model not found: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new WhisperModelException("whisper model " + path.toAbsolutePath() + " could not be read: " + e, e);
        }
    }

    /** Parses a model from {@code channel}; {@code name} is used in messages. */
    static WhisperModelFile parse(SeekableByteChannel channel, String name) throws IOException {
        Reader in = new Reader(channel, name);
        if (in.int32("magic") != MAGIC) {
            throw in.corrupt("bad magic, not a ggml whisper model");
        }
        int nVocab = in.positive("n_vocab");
        int audioCtx = in.positive("n_audio_ctx");
        int audioState = in.positive("n_audio_state");
        in.positive("n_audio_head");
        int audioLayers = in.positive("n_audio_layer");
        in.positive("n_text_ctx");
        int textState = in.positive("n_text_state");
        in.positive("n_text_head");
        int textLayers = in.positive("n_text_layer");
        int mels = in.positive("n_mels");
        int ftype = in.int32("ftype") % QUANT_VERSION_FACTOR;
        if (audioState != textState) {
            throw in.corrupt("encoder and decoder widths differ (" + audioState + " vs " + textState + ")");
        }
        if (ftype < 0 || ftype > MAX_FTYPE) {
            throw in.corrupt("bad ftype " + ftype);
        }
        if (audioCtx > 1 << 16 || audioLayers > 256 || textLayers > 256 || mels > 1024) {
            throw in.corrupt("implausible hyper-parameters");
        }

        int filterMels = in.positive("mel filter count");
        int filterBins = in.positive("mel filter bins");
        if (filterBins != FFT_BINS) {
            throw in.corrupt("mel filters have " + filterBins + " bins, whisper.cpp needs " + FFT_BINS);
        }
        in.skip((long) filterMels * filterBins * Float.BYTES, "mel filters");

        int tokens = in.int32("vocabulary size");
        if (tokens < 0 || tokens > nVocab) {
            throw in.corrupt("vocabulary holds " + tokens + " tokens, the model declares " + nVocab);
        }
        for (int i = 0; i < tokens; i++) {
            int length = in.int32("token length");
            if (length < 0 || length > MAX_TOKEN_BYTES) {
                throw in.corrupt("token " + i + " has length " + length);
            }
            in.skip(length, "token " + i);
        }

        int expected = 7 + 15 * audioLayers + 4 + 24 * textLayers;
        Set<String> names = new HashSet<>();
        while (in.remaining() > 0) {
            int dims = in.int32("tensor dimensions");
            int nameLength = in.int32("tensor name length");
            int type = in.int32("tensor type");
            if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > MAX_NAME_BYTES) {
                throw in.corrupt("tensor header #" + names.size() + " is malformed (dims " + dims + ", name length "
                        + nameLength + ")");
            }
            long elements = 1;
            for (int d = 0; d < dims; d++) {
                int ne = in.positive("tensor extent");
                elements *= ne;
            }
            String tensor = in.string(nameLength, "tensor name");
            long bytes = GgmlTensorType.bytes(type, elements);
            if (bytes < 0) {
                throw in.corrupt("tensor '" + tensor + "' has unsupported type " + type);
            }
            if (!names.add(tensor)) {
                throw in.corrupt("tensor '" + tensor + "' appears twice");
            }
            in.skip(bytes, "data of tensor '" + tensor + "'");
        }
        if (names.size() != expected) {
            throw in.corrupt("holds " + names.size() + " tensors, a model with " + audioLayers + "+" + textLayers
                    + " layers has " + expected + " (truncated?)");
        }
        return new WhisperModelFile(nVocab, audioState, audioLayers, textLayers, mels, ftype, names.size());
    }

    /** Little-endian reads that check the file is long enough before every read. */
    private static final class Reader {
        private final SeekableByteChannel channel;
        private final String name;
        private final long size;
        private final ByteBuffer buffer = ByteBuffer.allocate(MAX_NAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);

        Reader(SeekableByteChannel channel, String name) throws IOException {
            this.channel = channel;
            this.name = name;
            this.size = channel.size();
        }

        long remaining() throws IOException {
            return size - channel.position();
        }

        int int32(String what) throws IOException {
            return read(Integer.BYTES, what).getInt();
        }

        int positive(String what) throws IOException {
            int value = int32(what);
            if (value <= 0) {
                throw corrupt(what + " is " + value);
            }
            return value;
        }

        String string(int length, String what) throws IOException {
            ByteBuffer b = read(length, what);
            return new String(b.array(), 0, length, StandardCharsets.UTF_8);
        }

        void skip(long bytes, String what) throws IOException {
            if (remaining() < bytes) {
                throw truncated(what);
            }
            channel.position(channel.position() + bytes);
        }

        private ByteBuffer read(int length, String what) throws IOException {
            if (remaining() < length) {
                throw truncated(what);
            }
            buffer.clear().limit(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw truncated(what);
                }
            }
            return buffer.flip();
        }

        WhisperModelException truncated(String what) throws IOException {
            return new WhisperModelException("whisper model " + name + " is truncated: it ends at byte " + size
                    + " in the " + what);
        }

        WhisperModelException corrupt(String reason) throws IOException {
            return new WhisperModelException("whisper model " + name + " is corrupt at byte " + channel.position()
                    + ": " + reason);
        }
    }
}
