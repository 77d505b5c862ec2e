package io.earpiece.console.upload;

import java.nio.file.Path;

/** An upload written to disk: where, how many bytes and their SHA-256 (hex). */
public record StoredFile(Path path, long size, String sha256) {

    /** Whether an {@code Upload-Checksum: sha256 <hex>} header (null: none sent) names these bytes. */
    public boolean matches(String uploadChecksum) {
        return uploadChecksum == null || uploadChecksum.strip().equalsIgnoreCase("sha256 " + sha256);
    }
}
