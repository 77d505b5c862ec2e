package io.earpiece.stt.whisper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Writes a q8_0 copy of an f16 or f32 ggml whisper model, as whisper.cpp's {@code quantize} tool does: the
 * matrices (every 2-D tensor but the positional embeddings) become q8_0 blocks, everything else is copied. On CPU
 * whisper.cpp then multiplies with 8-bit integers, which is faster, at an accuracy cost whisper.cpp's authors
 * measured as negligible for q8_0.
 */
public final class WhisperModelQuantizer {

    /** What the copy's file name adds before {@code .bin}. */
    public static final String Q8_SUFFIX = "-q8_0";
    private static final int FTYPE_F32 = 0;
    private static final int FTYPE_F16 = 1;
    /** ggml_ftype MOSTLY_Q8_0, with ggml's quantization version 2 in the thousands as whisper.cpp writes it. */
    private static final int FTYPE_Q8_0 = 2 * 1000 + 7;
    private static final int TYPE_F32 = 0;
    private static final int TYPE_F16 = 1;
    private static final int TYPE_Q8_0 = 8;
    private static final int HYPER_PARAMETERS = 11;
    private static final Set<String> KEPT = Set.of("encoder.positional_embedding", "decoder.positional_embedding");

    /**
     * The q8_0 copy of {@code model} next to it ({@code ggml-base.en.bin} → {@code ggml-base.en-q8_0.bin}),
     * written now unless an intact one newer than the model is there; {@code model} itself when it is already
     * quantized.
     *
     * @throws WhisperModelException when {@code model} is not an intact whisper model
     * @throws IOException           when the copy cannot be written
     */
    public Path q8Copy(Path model) throws IOException {
        WhisperModelFile source = WhisperModelFile.inspect(model);
        if (source.ftype() != FTYPE_F16 && source.ftype() != FTYPE_F32) {
            return model;
        }
        String name = model.getFileName().toString();
        String base = name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
        Path copy = model.resolveSibling(base + Q8_SUFFIX + ".bin");
        if (Files.isRegularFile(copy)
                && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(model)) >= 0) {
            try {
                WhisperModelFile.inspect(copy);
                return copy;
            } catch (WhisperModelException stale) {
                // written again below
            }
        }
        Path tmp = Files.createTempFile(copy.toAbsolutePath().getParent(), base, ".part");
        try {
            quantize(model, tmp);
            WhisperModelFile.inspect(tmp);
            return Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the q8_0 form of f16/f32 model {@code in} to {@code out}. */
    public void quantize(Path in, Path out) throws IOException {
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in), 1 << 16));
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Copier c = new Copier(src, dst);
            c.int32(c.int32());  // magic
            for (int i = 0; i < HYPER_PARAMETERS - 1; i++) {
                c.int32(c.int32());
            }
            int ftype = c.int32() % 1000;
            if (ftype != FTYPE_F16 && ftype != FTYPE_F32) {
                throw new WhisperModelException(in + " is already quantized (ftype " + ftype + ")");
            }
            c.int32(FTYPE_Q8_0);
            int mels = c.int32();
            int bins = c.int32();
            c.int32(mels);
            c.int32(bins);
            c.copy((long) mels * bins * Float.BYTES);
            int tokens = c.int32();
            c.int32(tokens);
            for (int i = 0; i < tokens; i++) {
                int length = c.int32();
                c.int32(length);
                c.copy(length);
            }
            while (tensor(c)) {
                // one tensor per round until the end of the file
            }
        }
    }

    private static boolean tensor(Copier c) throws IOException {
        int dims;
        try {
            dims = c.int32();
        } catch (EOFException end) {
            return false;
        }
        int nameLength = c.int32();
        int type = c.int32();
        int[] ne = new int[dims];
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            ne[d] = c.int32();
            elements *= ne[d];
        }
        byte[] name = c.bytes(nameLength);
        boolean quantize = dims == 2 && (type == TYPE_F16 || type == TYPE_F32) && ne[0] % Q8Block.VALUES == 0
                && !KEPT.contains(new String(name, StandardCharsets.US_ASCII));
        c.int32(dims);
        c.int32(nameLength);
        c.int32(quantize ? TYPE_Q8_0 : type);
        for (int e : ne) {
            c.int32(e);
        }
        c.write(name);
        if (!quantize) {
            long bytes = GgmlTensorType.bytes(type, elements);
            if (bytes < 0) {
                throw new WhisperModelException("tensor " + new String(name, StandardCharsets.US_ASCII)
                        + " has unsupported type " + type);
            }
            c.copy(bytes);
            return true;
        }
        // row by row, so that even large models' embeddings never sit in memory whole
        int row = ne[0];
        int valueBytes = type == TYPE_F16 ? Short.BYTES : Float.BYTES;
        ByteBuffer in = ByteBuffer.allocate(row * valueBytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer blocks = ByteBuffer.allocate(row / Q8Block.VALUES * Q8Block.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[row];
        for (int r = 0; r < ne[1]; r++) {
            in.clear();
            c.readFully(in.array());
            for (int i = 0; i < row; i++) {
                values[i] = type == TYPE_F16 ? HalfFloat.toFloat(in.getShort()) : in.getFloat();
            }
            blocks.clear();
            for (int from = 0; from < row; from += Q8Block.VALUES) {
                Q8Block.encode(values, from, blocks);
            }
            c.write(blocks.array());
        }
        return true;
    }

    /** Little-endian reads and writes between the two files. */
    private static final class Copier {
        private final DataInputStream in;
        private final OutputStream out;
        private final byte[] four = new byte[4];
        private final byte[] block = new byte[1 << 16];

        Copier(DataInputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        int int32() throws IOException {
            in.readFully(four);
            return ByteBuffer.wrap(four).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }

        void int32(int value) throws IOException {
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        void readFully(byte[] b) throws IOException {
            in.readFully(b);
        }

        void write(byte[] b) throws IOException {
            out.write(b);
        }

        void copy(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                in.readFully(block, 0, n);
                out.write(block, 0, n);
                left -= n;
            }
        }
    }
}
