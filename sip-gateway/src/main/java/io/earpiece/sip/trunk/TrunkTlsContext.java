package io.earpiece.sip.trunk;

import io.earpiece.sip.tls.ServerIdentity;
import io.earpiece.sip.tls.ServerTrust;
import io.earpiece.sip.tls.SwappableKeyManager;
import io.earpiece.sip.tls.TlsFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A TLS trunk's own TLS context: TLS 1.2+ (the socket factory enables only those) with the trunk's trust (pin, or CA
 * and the trunk's host name) and, for mutual TLS, its client certificate. Built from the files on disk; the one
 * place the trunk's REGISTER, its outgoing calls and the admin API's check of a trunk's settings read them.
 */
public final class TrunkTlsContext {
    private TrunkTlsContext() {
    }

    /**
     * @param host the carrier's host, which a CA-issued certificate must name; null checks the files only
     * @throws io.earpiece.sip.tls.TlsMaterialException naming a file that cannot be used
     * @throws IllegalArgumentException for a pin that is not a SHA-256 fingerprint
     */
    public static SSLContext build(TrunkTls tls, String host) {
        ServerTrust trust = ServerTrust.load(tls.serverPin(), tls.trustedCa(), host);
        KeyManager[] keys = tls.mutual()
                ? new KeyManager[] {new SwappableKeyManager(ServerIdentity.load(
                        TlsFiles.pem(tls.clientCertificate(), tls.clientKey())))}
                : null;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    /**
     * What a built context depends on: the settings, the host, and each file's path, modification time and size.
     * Equal to an earlier one's while nothing changed, so the context built then can be kept; a renewed file (new
     * time or size) makes it differ and the context is built again from the new files.
     */
    public static Object settings(TrunkTls tls, String host) {
        List<FileState> files = new ArrayList<>();
        Stream.of(tls.trustedCa(), tls.clientCertificate(), tls.clientKey())
                .filter(java.util.Objects::nonNull).forEach(p -> files.add(FileState.of(p)));
        return new Settings(tls, host, files);
    }

    private record Settings(TrunkTls tls, String host, List<FileState> files) {
    }

    /** A file as last seen (modified null: missing or unreadable, and building from it names it). */
    private record FileState(Path path, FileTime modified, long size) {
        static FileState of(Path path) {
            try {
                return new FileState(path, Files.getLastModifiedTime(path), Files.size(path));
            } catch (IOException e) {
                return new FileState(path, null, -1);
            }
        }
    }
}
