package io.earpiece.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * A server's certificate chain and private key, read from PEM files or a PKCS#12 store and checked to belong
 * together, held in an in-memory key store that SSL contexts (Netty's HTTPS, the SIP stack's TLS) are built from.
 *
 * @param keyStore the one key entry under {@link #ALIAS}
 * @param password the in-memory store's (and key's) password
 * @param chain    the certificate chain, leaf first
 */
public record ServerIdentity(KeyStore keyStore, char[] password, List<X509Certificate> chain) {
    public static final String ALIAS = "earpiece";

    /** Reads and checks the identity; throws {@link TlsMaterialException} naming the file at fault. */
    public static ServerIdentity load(TlsFiles files) {
        return files.keystore() != null ? fromPkcs12(files.keystore(), files.keystorePassword())
                : fromPem(files.certificate(), files.privateKey(), files.privateKeyPassword());
    }

    static ServerIdentity fromPem(Path certificateFile, Path keyFile, String keyPassword) {
        List<X509Certificate> chain = PemFile.certificates(certificateFile);
        PrivateKey key = PemFile.privateKey(keyFile, keyPassword);
        checkPair(key, chain.get(0).getPublicKey(), keyFile, certificateFile);
        return inMemory(key, chain);
    }

    static ServerIdentity fromPkcs12(Path file, String password) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, pw);
        } catch (IOException e) {
            // KeyStore reports a wrong password as an IOException whose cause is an UnrecoverableKeyException.
            String reason = e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? "wrong keystore password" : "cannot read as PKCS#12";
            throw new TlsMaterialException(file, reason, e);
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException(file, "cannot read as PKCS#12", e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) store.getKey(alias, pw);
                Certificate[] certs = store.getCertificateChain(alias);
                if (certs == null || certs.length == 0) {
                    throw new TlsMaterialException(file, "key entry '" + alias + "' has no certificate");
                }
                List<X509Certificate> chain = java.util.Arrays.stream(certs).map(c -> (X509Certificate) c).toList();
                checkPair(key, chain.get(0).getPublicKey(), file, file);
                return inMemory(key, chain);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException(file, "cannot read the key entry (wrong password?)", e);
        }
        throw new TlsMaterialException(file, "no private key entry in the store");
    }

    /** Signs a random challenge with the key and verifies it with the certificate: works for every key type. */
    private static void checkPair(PrivateKey key, PublicKey certificateKey, Path keyFile, Path certificateFile) {
        if (!key.getAlgorithm().equals(certificateKey.getAlgorithm())) {
            throw new TlsMaterialException(keyFile, "the private key (" + key.getAlgorithm() + ") does not match "
                    + "the certificate in " + certificateFile + " (" + certificateKey.getAlgorithm() + ")");
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean ok;
        try {
            String algorithm = switch (key.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> key.getAlgorithm(); // Ed25519, Ed448
            };
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(challenge);
            ok = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            ok = false;
        }
        if (!ok) {
            throw new TlsMaterialException(keyFile, "the private key does not match the certificate in "
                    + certificateFile);
        }
    }

    private static ServerIdentity inMemory(PrivateKey key, List<X509Certificate> chain) {
        char[] password = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
            return new ServerIdentity(store, password, List.copyOf(chain));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an in-memory key store", e);
        }
    }

    /** The server certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }
}
