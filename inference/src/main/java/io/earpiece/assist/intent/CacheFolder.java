package io.earpiece.assist.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of files named by the SHA-256 of what they were computed from, so that a change of any input simply
 * misses. Files are read whole and written through a temporary file moved into place, so a reader never sees half a
 * file from a crash or a second process; writing is best effort, because a cache that cannot be written costs only
 * the time it would have saved.
 */
final class CacheFolder {
    private static final Logger log = LoggerFactory.getLogger(CacheFolder.class);

    private final Path directory;
    private final String prefix;
    private final String suffix;

    /** @param directory the folder; null: no cache (nothing is read or written) */
    CacheFolder(Path directory, String prefix, String suffix) {
        this.directory = directory;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    boolean enabled() {
        return directory != null;
    }

    Path file(String key) {
        return directory.resolve(prefix + key + suffix);
    }

    /** The file's bytes; empty when the cache is off or has no file for this key. */
    Optional<byte[]> read(String key) throws IOException {
        if (directory == null || !Files.isRegularFile(file(key))) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file(key)));
    }

    /** Replaces the key's file with {@code bytes}; false (logged, never thrown) when it could not. */
    boolean write(String key, byte[] bytes, String whatIsLostOtherwise) {
        if (directory == null) {
            return false;
        }
        Path file = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, prefix + key, ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            log.warn("cannot write cache file {} ({}); {}", file, e, whatIsLostOtherwise);
            deleteQuietly(tmp); // a full disk must not keep the part that fitted
            return false;
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            log.warn("cannot delete {} ({})", tmp, e.toString());
        }
    }

    /** The hex SHA-256 of the parts, a zero byte between each two (so that "ab","c" and "a","bc" differ). */
    static String key(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    sha.update((byte) 0);
                }
                sha.update(parts.get(i).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
