package io.earpiece.sip.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager whose identity can be replaced while listening: an SSL server socket keeps the context it was made
 * with, so a renewed certificate reaches new handshakes by swapping what this key manager hands out.
 */
public final class SwappableKeyManager extends X509ExtendedKeyManager {
    private volatile X509ExtendedKeyManager delegate;

    public SwappableKeyManager(ServerIdentity identity) {
        swap(identity);
    }

    /** Serves {@code identity} to every handshake from now on. */
    public void swap(ServerIdentity identity) {
        try {
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(identity.keyStore(), identity.password());
            for (KeyManager k : f.getKeyManagers()) {
                if (k instanceof X509ExtendedKeyManager x) {
                    delegate = x;
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the TLS identity", e);
        }
        throw new IllegalStateException("no X.509 key manager");
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return delegate.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return delegate.chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate.getPrivateKey(alias);
    }
}
