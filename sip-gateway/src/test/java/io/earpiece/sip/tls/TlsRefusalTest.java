package io.earpiece.sip.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's alert messages in the words a trunk's status shows. */
class TlsRefusalTest {
    @Test
    void alertsAboutOurCertificateSayItWasRefused() {
        assertThat(TlsRefusal.inWords("Received fatal alert: unknown_ca", true))
                .isEqualTo("the carrier refused Earpiece's client certificate (TLS alert unknown_ca)");
        assertThat(TlsRefusal.inWords("Received fatal alert: bad_certificate", true))
                .contains("refused Earpiece's client certificate");
        assertThat(TlsRefusal.inWords("Received fatal alert: certificate_required", false))
                .startsWith("the carrier requires a client certificate and the trunk has none")
                .contains("clientCertificate");
        assertThat(TlsRefusal.inWords("Received fatal alert: certificate_required", true))
                .contains("issued by a CA it names, and the trunk's is not");
    }

    @Test
    void otherAlertsAndMessagesAreNamedAsTheyCame() {
        assertThat(TlsRefusal.inWords("Received fatal alert: protocol_version", true))
                .isEqualTo("the carrier ended the TLS connection (TLS alert protocol_version)");
        assertThat(TlsRefusal.inWords("Connection reset", true)).isEqualTo("TLS: Connection reset");
    }
}
