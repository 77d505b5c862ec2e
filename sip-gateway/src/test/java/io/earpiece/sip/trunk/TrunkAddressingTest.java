package io.earpiece.sip.trunk;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.ClientTrust;
import io.earpiece.sip.tls.TlsClients;
import io.earpiece.sip.uas.ContactPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A TLS trunk's context is built once and kept while its settings and files stay as they were. */
class TrunkAddressingTest {
    private static final int CARRIER_PORT = 5071;

    @TempDir
    Path dir;
    private TestCertificates.Issued carrier;
    private TestCertificates.Issued client;
    private final TlsClients clients = new TlsClients();
    private SipContext sip;

    @BeforeEach
    void setUp() throws IOException {
        TestCertificates certs = new TestCertificates(dir);
        carrier = certs.selfSigned("carrier");
        client = certs.selfSigned("client");
        sip = new SipContext(null, null, null, null, "127.0.0.1", 5060, "Earpiece-test",
                new ContactPorts(5060, false, 5061), clients, new io.earpiece.sip.flow.Flows());
    }

    private TrunkConfig trunk(TrunkTls tls) {
        return new TrunkConfig("carrier", "127.0.0.1", CARRIER_PORT, "tls", "user", "pw", "realm", null,
                List.of("PCMU"), List.of("127.0.0.1"), Duration.ofSeconds(60), tls);
    }

    private SSLContext inUse() throws IOException {
        return clients.contextFor(InetAddress.getByName("127.0.0.1"), CARRIER_PORT);
    }

    @Test
    void eachCallReusesTheContextUntilAFileChanges() throws IOException {
        TrunkConfig config = trunk(new TrunkTls(null, carrier.certificatePem(), client.certificatePem(),
                client.keyPem()));
        TrunkAddressing.of(config, sip);
        SSLContext first = inUse();
        assertThat(first).isNotNull();
        TrunkAddressing.of(config, sip);
        assertThat(inUse()).as("unchanged files: the same context, no files read again").isSameAs(first);

        // A renewed client certificate: same path, newer file.
        Files.setLastModifiedTime(client.certificatePem(),
                FileTime.fromMillis(Files.getLastModifiedTime(client.certificatePem()).toMillis() + 2_000));
        TrunkAddressing.of(config, sip);
        SSLContext renewed = inUse();
        assertThat(renewed).isNotSameAs(first);
        TrunkAddressing.of(config, sip);
        assertThat(inUse()).isSameAs(renewed);
    }

    @Test
    void otherSettingsBuildANewContextAndAFileGoneIsNamed() throws IOException {
        TrunkAddressing.of(trunk(new TrunkTls(ClientTrust.fingerprint(carrier.certificate()), null, null, null)),
                sip);
        SSLContext pinned = inUse();
        TrunkAddressing.of(trunk(new TrunkTls(null, carrier.certificatePem(), null, null)), sip);
        assertThat(inUse()).isNotSameAs(pinned);

        TrunkConfig mutual = trunk(new TrunkTls(null, carrier.certificatePem(), client.certificatePem(),
                client.keyPem()));
        TrunkAddressing.of(mutual, sip);
        Files.delete(client.keyPem());
        assertThatThrownBy(() -> TrunkAddressing.of(mutual, sip)).hasMessageContaining(client.keyPem().toString());
    }
}
