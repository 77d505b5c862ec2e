package io.earpiece.sip.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Reads certificates and private keys from PEM files with the JDK alone; every failure names the file. */
final class PemFile {
    /** PEM files of certificates and keys are small; a huge file is a wrong path (a disk image, a log). */
    private static final long MAX_BYTES = 1 << 20;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"};

    private PemFile() {
    }

    record Block(String type, byte[] der) {
    }

    static List<Block> blocks(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TlsMaterialException(file, "larger than " + MAX_BYTES + " bytes: not a PEM file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new TlsMaterialException(file, "cannot read", e);
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new TlsMaterialException(file, "bad base64 in a " + m.group(1) + " block");
            }
        }
        if (out.isEmpty()) {
            throw new TlsMaterialException(file, "no PEM block (-----BEGIN ...-----) found");
        }
        return out;
    }

    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Block b : blocks(file)) {
            if (!b.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
            } catch (CertificateException e) {
                throw new TlsMaterialException(file, "certificate " + (certs.size() + 1) + " is not valid X.509", e);
            }
        }
        if (certs.isEmpty()) {
            throw new TlsMaterialException(file, "no CERTIFICATE block in it");
        }
        return certs;
    }

    static PrivateKey privateKey(Path file, String password) {
        for (Block b : blocks(file)) {
            switch (b.type()) {
                case "PRIVATE KEY":
                    return decode(file, b.der());
                case "RSA PRIVATE KEY":
                    return decode(file, Pkcs1.toPkcs8(b.der()));
                case "ENCRYPTED PRIVATE KEY":
                    return decode(file, decrypt(file, b.der(), password));
                case "EC PRIVATE KEY":
                    throw new TlsMaterialException(file, "SEC1 EC keys are not read; convert with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
                default:
                    // Other blocks (EC PARAMETERS, a certificate in the same file) are skipped.
            }
        }
        throw new TlsMaterialException(file, "no PRIVATE KEY block in it");
    }

    private static byte[] decrypt(Path file, byte[] der, String password) {
        if (password == null || password.isEmpty()) {
            throw new TlsMaterialException(file, "the key is encrypted and no password is set");
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // PBES2 keys (openssl's default) name their real cipher in the parameters, not in the algorithm name.
            String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray())), info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password usually surfaces as a padding or key-spec failure.
            throw new TlsMaterialException(file, "cannot decrypt the key (wrong password?)", e);
        }
    }

    private static PrivateKey decode(Path file, byte[] pkcs8) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | ClassCastException e) {
                // Try the next algorithm: PKCS#8 names it, but asking each factory is simpler than parsing the OID.
            }
        }
        throw new TlsMaterialException(file, "the private key is not RSA, EC or EdDSA PKCS#8");
    }
}
