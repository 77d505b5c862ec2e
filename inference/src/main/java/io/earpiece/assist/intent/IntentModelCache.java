package io.earpiece.assist.intent;

import io.earpiece.assist.playbook.IntentDefinition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a playbook's trained intent models on disk, so that a restart with nothing changed reads them back (a
 * few milliseconds) instead of fitting them again (seconds on an idle machine, tens of seconds on a loaded one).
 * A file is named by the SHA-256 of everything that decides the models ({@link #key}): the features' code version
 * ({@link IntentTrainer#FEATURES_VERSION}), the encoder's id, the trainer's settings, every training example and
 * every field of the playbook's intents; so a changed playbook, training set, encoder or feature code misses and
 * trains. A file that cannot be read back (truncated, damaged: it carries a CRC-32) is logged, ignored and
 * replaced by the retrained models, never trusted and never a start-up failure.
 */
public final class IntentModelCache {
    private static final Logger log = LoggerFactory.getLogger(IntentModelCache.class);
    private static final int MAGIC = 0x45504d31; // "EPM1"
    /** Magic and model count before the models; the CRC-32 after them. */
    private static final int HEADER = 8;
    private static final int TRAILER = 8;
    /** More than any playbook has intents, and more floats than any model has weights: a length past these is damage. */
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_WEIGHTS = 1 << 24;

    private final CacheFolder folder;

    /** @param directory where the files live; null: no cache */
    public IntentModelCache(Path directory) {
        this.folder = new CacheFolder(directory, "intent-models-", ".bin");
    }

    public static IntentModelCache none() {
        return new IntentModelCache(null);
    }

    public boolean enabled() {
        return folder.enabled();
    }

    /**
     * The cache key of the models a trainer fits for {@code intents}.
     *
     * @param trainerSettings the regression's and the features' settings, and the trainer's own
     */
    public static String key(String encoderId, String trainerSettings, List<TrainingExample> examples,
                             List<IntentDefinition> intents) {
        List<String> parts = new ArrayList<>();
        parts.add("intent-models v" + IntentTrainer.FEATURES_VERSION);
        parts.add(encoderId);
        parts.add(trainerSettings);
        parts.add("examples " + examples.size());
        for (TrainingExample e : examples) {
            parts.add(e.role());
            parts.add(String.join(",", e.tags().stream().sorted().toList()));
            parts.add(e.text());
        }
        parts.add("intents " + intents.size());
        for (IntentDefinition d : intents) {
            parts.add(d.tag());
            list(parts, "speakers", d.speakers());
            parts.add(d.question());
            parts.add(d.threshold() + " " + d.keywordThreshold() + " " + d.requireKeyword());
            list(parts, "keywords", d.keywords());
            list(parts, "exemplars", d.exemplars());
        }
        return CacheFolder.key(parts);
    }

    // The count first, so that moving an entry from one list to the next changes the key.
    private static void list(List<String> parts, String name, List<String> values) {
        parts.add(name + " " + values.size());
        parts.addAll(values);
    }

    /** The models stored under this key, when a readable file holds them. */
    public Optional<IntentModels> load(String key) {
        try {
            Optional<byte[]> bytes = folder.read(key);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(decode(bytes.get()));
        } catch (IOException | CacheFileFormatException e) {
            log.warn("ignoring intent model cache {} ({}): training the models again", folder.file(key),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the models under this key; false (logged) when the file could not be written. */
    public boolean store(String key, IntentModels models) {
        return folder.write(key, encode(models), "the next start trains the intent models again");
    }

    /** Where the models of this key are kept. */
    public Path file(String key) {
        return folder.file(key);
    }

    static byte[] encode(IntentModels models) {
        int size = HEADER + 4 + TRAILER;
        for (Map.Entry<String, LogisticRegression.Model> e : models.models().entrySet()) {
            LogisticRegression.Model m = e.getValue();
            size += 4 + utf8(e.getKey()).length + 8 + 8 + 4 * (m.weights().length + m.sparseWeights().length);
        }
        for (String tag : models.thresholds().keySet()) {
            size += 4 + utf8(tag).length + 8;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC).putInt(models.models().size());
        for (Map.Entry<String, LogisticRegression.Model> e : models.models().entrySet()) {
            byte[] tag = utf8(e.getKey());
            LogisticRegression.Model m = e.getValue();
            out.putInt(tag.length).put(tag);
            out.putInt(m.weights().length).putInt(m.sparseWeights().length).putDouble(m.bias());
            for (float w : m.weights()) {
                out.putFloat(w);
            }
            for (float w : m.sparseWeights()) {
                out.putFloat(w);
            }
        }
        out.putInt(models.thresholds().size());
        models.thresholds().forEach((tag, t) -> out.putInt(utf8(tag).length).put(utf8(tag)).putDouble(t));
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        return out.array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static IntentModels decode(byte[] bytes) throws CacheFileFormatException {
        if (bytes.length < HEADER + 4 + TRAILER) {
            throw new CacheFileFormatException("shorter than its header and checksum: " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int magic = in.getInt();
        if (magic != MAGIC) {
            throw new CacheFileFormatException("not an intent models file (magic " + Integer.toHexString(magic) + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - TRAILER);
        long stored = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER).getLong();
        if (stored != crc.getValue()) {
            throw new CacheFileFormatException("checksum mismatch: damaged or truncated");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 0, bytes.length - TRAILER);
        body.position(4);
        int count = count(body, "models");
        Map<String, LogisticRegression.Model> models = new HashMap<>();
        for (int k = 0; k < count; k++) {
            String tag = string(body);
            int dense = count(body, "dense weights");
            int sparse = count(body, "sparse weights");
            need(body, 8 + 4L * (dense + sparse), "weights of " + tag);
            double bias = body.getDouble();
            float[] weights = floats(body, dense);
            float[] sparseWeights = floats(body, sparse);
            models.put(tag, new LogisticRegression.Model(weights, sparseWeights, bias));
        }
        int thresholds = count(body, "thresholds");
        Map<String, Double> byTag = new HashMap<>();
        for (int k = 0; k < thresholds; k++) {
            String tag = string(body);
            need(body, 8, "threshold of " + tag);
            byTag.put(tag, body.getDouble());
        }
        if (body.hasRemaining()) {
            throw new CacheFileFormatException(body.remaining() + " bytes after the last threshold");
        }
        return IntentModels.of(models, byTag);
    }

    private static int count(ByteBuffer in, String what) throws CacheFileFormatException {
        need(in, 4, what + " count");
        int n = in.getInt();
        if (n < 0 || n > (what.endsWith("weights") ? MAX_WEIGHTS : MAX_ENTRIES)) {
            throw new CacheFileFormatException(what + " count out of range: " + n);
        }
        return n;
    }

    private static String string(ByteBuffer in) throws CacheFileFormatException {
        int length = count(in, "tag length");
        need(in, length, "tag");
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static float[] floats(ByteBuffer in, int n) {
        float[] out = new float[n];
        in.asFloatBuffer().get(out);
        in.position(in.position() + 4 * n);
        return out;
    }

    private static void need(ByteBuffer in, long bytes, String what) throws CacheFileFormatException {
        if (in.remaining() < bytes) {
            throw new CacheFileFormatException(what + ": " + bytes + " bytes needed, " + in.remaining() + " left");
        }
    }
}
