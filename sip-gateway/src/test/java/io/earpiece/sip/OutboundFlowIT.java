package io.earpiece.sip;

import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.DigestChallenge;
import io.earpiece.sip.auth.DigestClient;
import io.earpiece.sip.auth.InMemoryCredentialStore;
import io.earpiece.sip.auth.NonceManager;
import io.earpiece.sip.flow.Flow;
import io.earpiece.sip.register.Binding;
import io.earpiece.sip.register.DigestGate;
import io.earpiece.sip.register.InMemoryBindingStore;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.register.RegistrarConfig;
import io.earpiece.sip.testing.TestCertificates;
import io.earpiece.sip.tls.TlsFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RFC 5626 flows on the registrar with hand-written REGISTERs over real TCP and TLS connections (Debian's sipp has
 * no TLS; B2buaIT rings a sipp phone over its TCP flow): the 200 OK's Require and Flow-Timer, the CRLF keep-alive
 * pong, the binding ending with its connection, a new flow of the same instance replacing the old, and REGISTERs
 * without outbound left as they were.
 */
class OutboundFlowIT {
    private static final String REALM = "earpiece.test";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String INSTANCE = "urn:uuid:7c1d9a52-3e0b-4f6e-8a41-2b9f5d06c3e8";
    private static final Pattern CHALLENGE = Pattern.compile("(?im)^WWW-Authenticate:\\s*(.+?)\\r?$");
    private static TestCertificates.Issued server;

    private SipGateway gateway;
    private Registrar registrar;

    @BeforeAll
    static void certificates() throws IOException {
        Path dir = Path.of("target", "sip-outbound");
        Files.createDirectories(dir);
        server = new TestCertificates(Files.createTempDirectory(dir.toAbsolutePath(), "certs-"))
                .selfSigned("sip-server");
    }

    @BeforeEach
    void start() {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT",
                new SipTransports(true, 0, new TlsFiles(server.certificatePem(), server.keyPem(), null, null, null,
                        null, List.of()), SipTransports.ClientAuth.NONE, Duration.ZERO)),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        DigestAuthenticator auth = new DigestAuthenticator(REALM,
                new InMemoryCredentialStore().put("alice", REALM, "wonderland"),
                new NonceManager(Clock.systemUTC(), Duration.ofMinutes(5)), List.of(DigestAlgorithm.SHA_256));
        registrar = new Registrar(new RegistrarConfig(REALM, 60, 3600, 3600, 10, Duration.ofSeconds(90)),
                new DigestGate(auth, gateway.context()), new InMemoryBindingStore(), gateway.context(),
                Clock.systemUTC());
        gateway.addHandler(registrar);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aTcpRegisterWithOutboundGetsAFlowThatEndsWithItsConnection() throws Exception {
        try (RawStreamPeer phone = RawStreamPeer.tcp(gateway.port())) {
            String ok = register(phone, outboundContact(1), true);
            assertThat(ok).startsWith("SIP/2.0 200")
                    .containsPattern("(?im)^Require:\\s*outbound\\r?$")
                    .containsPattern("(?im)^Flow-Timer:\\s*90\\r?$")
                    .containsPattern("(?im)^Contact:.*reg-id=1")
                    .contains(INSTANCE);
            Binding b = registrar.bindings("alice").get(0);
            assertThat(b.flow()).isEqualTo(new Flow("127.0.0.1", phone.localPort(), "tcp"));
            assertThat(b.instance()).isEqualTo("<" + INSTANCE + ">");
            assertThat(gateway.context().flows().isOpen(b.flow())).as("held by this gateway").isTrue();
        }
        await().atMost(WAIT).until(() -> registrar.bindings("alice").isEmpty());
        assertThat(gateway.context().flows().isOpen(new Flow("127.0.0.1", 1, "tcp"))).isFalse();
    }

    @Test
    void aDoubleCrlfPingIsAnsweredWithOneCrlfOnTheSameConnection() throws Exception {
        try (RawStreamPeer phone = RawStreamPeer.tcp(gateway.port())) {
            register(phone, outboundContact(1), true);
            phone.send("\r\n\r\n");
            assertThat(phone.readBytes(2, WAIT)).as("the pong (RFC 5626 4.4.1)").isEqualTo("\r\n");
            phone.send("\r\n\r\n");
            assertThat(phone.readBytes(2, WAIT)).as("and again: the connection is still a working flow")
                    .isEqualTo("\r\n");
            assertThat(registrar.bindings("alice")).singleElement().satisfies(b -> assertThat(b.flow()).isNotNull());
        }
    }

    @Test
    void aTlsFlowIsKeptAndPongedAndEndsWithItsConnection() throws Exception {
        try (RawStreamPeer phone = RawStreamPeer.tls(gateway.tlsPort(), server.certificate(), null)) {
            String ok = register(phone, outboundContact(2), true);
            assertThat(ok).startsWith("SIP/2.0 200").containsPattern("(?im)^Require:\\s*outbound\\r?$");
            assertThat(registrar.bindings("alice").get(0).flow())
                    .isEqualTo(new Flow("127.0.0.1", phone.localPort(), "tls"));
            phone.send("\r\n\r\n");
            assertThat(phone.readBytes(2, WAIT)).isEqualTo("\r\n");
        }
        await().atMost(WAIT).until(() -> registrar.bindings("alice").isEmpty());
    }

    @Test
    void aNewFlowOfTheSameInstanceAndRegIdReplacesTheOldAndOutlivesItsConnection() throws Exception {
        RawStreamPeer first = RawStreamPeer.tcp(gateway.port());
        register(first, outboundContact(1).replace("192.0.2.1:5099", "192.0.2.1:5098"), true);
        try (RawStreamPeer second = RawStreamPeer.tcp(gateway.port())) {
            register(second, outboundContact(1), true);
            assertThat(registrar.bindings("alice")).singleElement()
                    .satisfies(b -> assertThat(b.flow().port()).isEqualTo(second.localPort()));
            Flow firstFlow = new Flow("127.0.0.1", first.localPort(), "tcp");
            List<Flow> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
            gateway.context().flows().onClosed(closed::add);
            first.close();
            // The old connection's end, once the gateway has handled it, drops nothing: its binding was replaced.
            await().atMost(WAIT).until(() -> closed.contains(firstFlow));
            assertThat(registrar.bindings("alice")).singleElement()
                    .satisfies(b -> assertThat(b.flow().port()).isEqualTo(second.localPort()));
        }
    }

    @Test
    void withoutSupportedOutboundTheBindingIsNoFlowAndOutlivesItsConnection() throws Exception {
        try (RawStreamPeer phone = RawStreamPeer.tcp(gateway.port())) {
            String ok = register(phone, outboundContact(1), false);
            assertThat(ok).startsWith("SIP/2.0 200").doesNotContainPattern("(?im)^Require:")
                    .doesNotContainPattern("(?im)^Flow-Timer:");
        }
        Binding b = registrar.bindings("alice").get(0);
        assertThat(b.flow()).as("reached at its Contact, as RFC 3261 alone says").isNull();
        assertThat(b.registeredOver()).isEqualTo("tcp");
    }

    @Test
    void twoContactsWithARegIdAreRefusedWith400() throws Exception {
        try (RawStreamPeer phone = RawStreamPeer.tcp(gateway.port())) {
            String answer = register(phone, outboundContact(1) + "\r\nContact: " + outboundContact(2), true);
            assertThat(answer).startsWith("SIP/2.0 400");
        }
        assertThat(registrar.bindings("alice")).isEmpty();
    }

    private static String outboundContact(int regId) {
        return "<sip:alice@192.0.2.1:5099;transport=tcp;ob>;reg-id=" + regId + ";+sip.instance=\"<" + INSTANCE
                + ">\"";
    }

    /** REGISTERs alice with {@code contact}, answering the digest challenge; returns the final response. */
    private String register(RawStreamPeer phone, String contact, boolean outbound) throws IOException {
        String callId = UUID.randomUUID().toString();
        String uri = "sip:127.0.0.1";
        phone.send(registerRequest(phone, uri, callId, 1, contact, outbound, null));
        String challenge = phone.receive(WAIT);
        assertThat(challenge).as("the challenge").startsWith("SIP/2.0 401");
        Matcher m = CHALLENGE.matcher(challenge);
        assertThat(m.find()).isTrue();
        String credentials;
        try {
            credentials = new DigestClient("alice", "wonderland")
                    .authorize(DigestChallenge.parse(m.group(1).strip()), "REGISTER", uri);
        } catch (io.earpiece.sip.auth.DigestParseException e) {
            throw new AssertionError(e);
        }
        phone.send(registerRequest(phone, uri, callId, 2, contact, outbound, credentials));
        String answer = phone.receive(WAIT);
        assertThat(answer).as("the answer to the authenticated REGISTER").isNotNull();
        return answer;
    }

    private static String registerRequest(RawStreamPeer phone, String uri, String callId, int cseq, String contact,
                                          boolean outbound, String credentials) {
        return "REGISTER " + uri + " SIP/2.0\r\n"
                + "Via: " + phone.via("reg" + callId.substring(0, 8) + cseq) + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=" + callId.substring(0, 8) + "\r\n"
                + "To: <sip:alice@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + (outbound ? "Supported: path, outbound\r\n" : "")
                + "Contact: " + contact + "\r\n"
                + (credentials == null ? "" : "Authorization: " + credentials + "\r\n")
                + "Expires: 300\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
