package io.earpiece.assist.intent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the training set's sentence embeddings on disk so that an engine start does not embed every training
 * line again (about 8 s for a thousand lines on two cores, against a few milliseconds to read them back). A file
 * is named by the SHA-256 of the encoder's id and the texts ({@link CacheFolder}), so a changed training set or
 * model simply misses; a file that cannot be read is ignored (and replaced), never trusted.
 */
public final class TrainingEmbeddingCache {
    /** System property naming the folder; {@code none} turns the cache off. */
    public static final String DIRECTORY_PROPERTY = "earpiece.assist.embedding-cache";
    private static final Logger log = LoggerFactory.getLogger(TrainingEmbeddingCache.class);
    private static final int MAGIC = 0x45504531; // "EPE1"

    private final CacheFolder folder;

    /** @param directory where the files live; null: no cache */
    public TrainingEmbeddingCache(Path directory) {
        this.folder = new CacheFolder(directory, "training-", ".emb");
    }

    /** The folder the system property names, else {@code ~/.cache/earpiece/embeddings}. */
    public static TrainingEmbeddingCache fromSystemProperties() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if ("none".equals(configured)) {
            return new TrainingEmbeddingCache(null);
        }
        return new TrainingEmbeddingCache(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "earpiece", "embeddings"));
    }

    /** The cache key: what was embedded and by which model. */
    public static String key(String encoderId, List<String> texts) {
        List<String> parts = new ArrayList<>(texts.size() + 1);
        parts.add(encoderId);
        parts.addAll(texts);
        return CacheFolder.key(parts);
    }

    /** The cached vectors for this key, when a readable file holds exactly {@code count} of them. */
    public Optional<float[][]> load(String key, int count) {
        try {
            Optional<byte[]> bytes = folder.read(key);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(decode(bytes.get(), count));
        } catch (IOException | CacheFileFormatException e) {
            log.warn("ignoring embedding cache {}: {}", folder.file(key), e.getMessage());
            return Optional.empty();
        }
    }

    public void store(String key, float[][] vectors) {
        folder.write(key, encode(vectors), "the next start embeds the training set again");
    }

    Path file(String key) {
        return folder.file(key);
    }

    static byte[] encode(float[][] vectors) {
        int dims = vectors.length == 0 ? 0 : vectors[0].length;
        ByteBuffer out = ByteBuffer.allocate(12 + 4 * vectors.length * dims);
        out.putInt(MAGIC).putInt(vectors.length).putInt(dims);
        for (float[] v : vectors) {
            for (float x : v) {
                out.putFloat(x);
            }
        }
        return out.array();
    }

    static float[][] decode(byte[] bytes, int expectedCount) throws CacheFileFormatException {
        if (bytes.length < 12) {
            throw new CacheFileFormatException("shorter than its 12-byte header: " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int magic = in.getInt();
        int count = in.getInt();
        int dims = in.getInt();
        if (magic != MAGIC) {
            throw new CacheFileFormatException("not an embeddings file (magic " + Integer.toHexString(magic) + ")");
        }
        if (count != expectedCount) {
            throw new CacheFileFormatException("holds " + count + " vectors, expected " + expectedCount);
        }
        if (dims <= 0 || dims > 65536 || (long) count * dims * 4 != bytes.length - 12L) {
            throw new CacheFileFormatException(count + " vectors of " + dims + " dimensions do not fit "
                    + bytes.length + " bytes");
        }
        float[][] out = new float[count][dims];
        for (float[] v : out) {
            for (int j = 0; j < dims; j++) {
                v[j] = in.getFloat();
            }
        }
        return out;
    }
}
