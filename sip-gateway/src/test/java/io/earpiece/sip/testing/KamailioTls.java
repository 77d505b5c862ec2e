package io.earpiece.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * kamailio's tls module for the tests: whether it is installed, its settings file, and the TLS carrier that relays
 * to Earpiece's TLS port. The one place the tests build kamailio's TLS settings.
 */
public final class KamailioTls {
    /** Where Debian's {@code kamailio-tls-modules} puts the module. */
    public static final Path MODULE = Path.of(System.getProperty("earpiece.kamailio.modules",
            "/usr/lib/x86_64-linux-gnu/kamailio/modules/"), "tls.so");

    private KamailioTls() {
    }

    /** Whether kamailio and its tls module are installed. */
    public static boolean available() {
        return KamailioRunner.available() && Files.exists(MODULE);
    }

    /**
     * Writes the tls module's settings into {@code dir}: kamailio shows {@code identity} as server and as client,
     * checks the servers it connects to against {@code serverCa}, and, when {@code clientCa} is not null, requires
     * its TLS clients to show a certificate that file accepts (mutual TLS).
     */
    public static Path settings(Path dir, TestCertificates.Issued identity, TestCertificates.Issued serverCa,
                                TestCertificates.Issued clientCa) {
        try (InputStream in = KamailioTls.class.getResourceAsStream("/kamailio/tls-carrier.tls.cfg")) {
            String cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@CERT@", identity.certificatePem().toAbsolutePath().toString())
                    .replace("@KEY@", identity.keyPem().toAbsolutePath().toString())
                    .replace("@SERVER_CA@", serverCa.certificatePem().toAbsolutePath().toString())
                    .replace("@VERIFY_CLIENTS@", clientCa != null ? "yes" : "no")
                    .replace("@CLIENT_CA@", (clientCa != null ? clientCa : identity).certificatePem()
                            .toAbsolutePath().toString());
            return Files.writeString(dir.resolve("tls-" + identity.name() + ".cfg").toAbsolutePath(), cfg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kamailio's tls settings", e);
        }
    }

    /**
     * The carrier of {@code tls-carrier.cfg}: takes calls over UDP and relays them to Earpiece's TLS port,
     * showing {@code identity} and checking Earpiece's certificate against {@code earpiece}.
     */
    public static KamailioRunner relayingCarrier(Path dir, TestCertificates.Issued identity,
                                                 TestCertificates.Issued earpiece, int earpieceTlsPort,
                                                 Duration ready) {
        return KamailioRunner.start("/kamailio/tls-carrier.cfg", Map.of(
                "TLS_CFG", settings(dir, identity, earpiece, null).toString(),
                "TLS_LISTEN_PORT", Integer.toString(SippRunner.freeUdpPort("127.0.0.1")),
                "EARPIECE_TLS_PORT", Integer.toString(earpieceTlsPort)), ready);
    }
}
