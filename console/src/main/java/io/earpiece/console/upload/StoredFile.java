package io.earpiece.console.upload;

import java.nio.file.Path;

/** An upload written to disk: where, how many bytes and their SHA-256 (hex). */
public record StoredFile(Path path, long size, String sha256) {
}
