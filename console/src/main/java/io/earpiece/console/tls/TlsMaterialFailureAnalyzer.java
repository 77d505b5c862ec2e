package io.earpiece.console.tls;

import io.earpiece.sip.tls.TlsMaterialException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable certificate or key into a start-up message that names the file, not a bean-creation trace. */
public final class TlsMaterialFailureAnalyzer extends AbstractFailureAnalyzer<TlsMaterialException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TlsMaterialException cause) {
        return new FailureAnalysis("A TLS certificate or key cannot be used: " + cause.getMessage(),
                "Fix " + cause.file() + " or the setting that names it (earpiece.tls.* for HTTPS, earpiece.sip.tls.* "
                        + "for SIP over TLS). A key must be the certificate's own; PEM keys must be PKCS#8 or PKCS#1.",
                cause);
    }
}
