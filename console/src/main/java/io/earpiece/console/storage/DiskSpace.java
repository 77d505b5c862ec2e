package io.earpiece.console.storage;

import io.earpiece.console.config.EarpieceProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space on the volumes Earpiece writes to (recordings, uploads), measured against
 * {@code earpiece.storage.min-free}: uploads are refused below it, before a byte is written, rather than filling
 * the disk the live calls record to.
 */
@Component
public class DiskSpace {

    private final long minFree;
    private final Path recordings;
    private final Path uploads;

    public DiskSpace(StorageProperties properties, EarpieceProperties earpiece) {
        this.minFree = properties.minFree().toBytes();
        this.recordings = earpiece.recordingsDir().toAbsolutePath();
        this.uploads = earpiece.dataDir().resolve("uploads").toAbsolutePath();
    }

    public Path recordings() {
        return recordings;
    }

    public Path uploads() {
        return uploads;
    }

    public long minFree() {
        return minFree;
    }

    /** Usable bytes on the volume of {@code dir} (or of its nearest existing parent); -1 when it cannot be told. */
    public long free(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return -1;
        }
        try {
            return Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean low(Path dir) {
        long free = free(dir);
        return free >= 0 && free < minFree;
    }

    /** Throws when the volume of {@code dir} is below the minimum free space; {@code what} names it for people. */
    public void requireRoom(Path dir, String what) throws StorageFullException {
        long free = free(dir);
        if (free >= 0 && free < minFree) {
            throw new StorageFullException(full(what, free));
        }
    }

    /**
     * The failure as a {@link StorageFullException} when the volume of {@code dir} is full (the write failed with
     * ENOSPC, or less than the minimum is free), else the failure itself.
     */
    public IOException explain(IOException failure, Path dir, String what) {
        if (failure instanceof StorageFullException) {
            return failure;
        }
        boolean enospc = failure.getMessage() != null && failure.getMessage().contains("No space left on device");
        if (enospc || low(dir)) {
            return new StorageFullException(full(what, Math.max(0, free(dir))), failure);
        }
        return failure;
    }

    private String full(String what, long free) {
        return "the " + what + " volume is full (" + mb(free) + " MB free, " + mb(minFree)
                + " MB required); an admin must free space before files can be stored";
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
