package io.earpiece.sip.register;

import io.earpiece.sip.RecordingControllerAccess;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.InMemoryCredentialStore;
import io.earpiece.sip.auth.NonceManager;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrar on a real gateway, with sipp as the rep's phone, over the in-memory store; the console runs the same
 * tests over the database store (its subclass overrides {@link #store()} and {@link #user()}), so both keep
 * RFC 3261 section 10.3's semantics.
 */
public class RegistrarIT {
    private static final String REALM = "earpiece.test";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCENARIOS = Path.of("target", "register-scenarios");

    private SipGateway gateway;
    private Registrar registrar;
    private String alice;

    /** Where the bindings are kept; a fresh store, or one with no bindings of {@link #user()}. */
    protected BindingStore store() {
        return new InMemoryBindingStore();
    }

    /** The rep who registers (a store shared with other tests needs a name of its own). */
    protected String user() {
        return "alice";
    }

    @BeforeEach
    void start() {
        alice = user();
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"),
                RecordingControllerAccess.create(), Duration.ofSeconds(2));
        gateway.start();
        InMemoryCredentialStore creds = new InMemoryCredentialStore().put(alice, REALM, "wonderland");
        DigestAuthenticator auth = new DigestAuthenticator(REALM, creds,
                new NonceManager(Clock.systemUTC(), Duration.ofMinutes(5)),
                // sipp 3.6 answers only the first challenge and knows only MD5; SHA-256 is still offered after it.
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
        registrar = new Registrar(RegistrarConfig.defaults(REALM), new DigestGate(auth, gateway.context()),
                store(), gateway.context(), Clock.systemUTC(), "node-a");
        gateway.addHandler(registrar);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** A scenario of this module's; copied out of the test-jar when another module runs these tests. */
    private static Path scenario(String name) {
        try {
            return SippRunner.editedScenario("/sipp/register/" + name, SCENARIOS, xml -> xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SippRunner.Builder sipp(String name, String password, int expires) {
        return SippRunner.builder(scenario(name)).remote("127.0.0.1", gateway.port()).timeout(WAIT)
                .key("user", alice).args("-au", alice, "-ap", password).key("expires", Integer.toString(expires));
    }

    @Test
    void twoDevicesRegisterWithDigestAndOneUnregisters() {
        int phone = SippRunner.freeUdpPort("127.0.0.1");
        int laptop = SippRunner.freeUdpPort("127.0.0.1");
        assertThat(sipp("register-auth.xml", "wonderland", 300).localPort(phone).run()).isZero();
        assertThat(sipp("register-auth.xml", "wonderland", 600).localPort(laptop).run()).isZero();

        assertThat(registrar.bindings(alice)).extracting(Binding::contact).containsExactlyInAnyOrder(
                contact(phone), contact(laptop));
        Binding first = registrar.bindings(alice).get(0);
        assertThat(first.source()).isEqualTo("127.0.0.1:" + phone + ";transport=udp");
        assertThat(first.registeredOver()).as("to ring it over the same transport").isEqualTo("udp");
        assertThat(first.userAgent()).isEqualTo("sipp-rep");
        assertThat(first.node()).as("the node that took the REGISTER").isEqualTo("node-a");
        assertThat(first.path()).isEmpty();

        assertThat(sipp("register-auth.xml", "wonderland", 0).localPort(phone).run()).isZero();
        assertThat(registrar.bindings(alice)).extracting(Binding::contact)
                .containsExactly(contact(laptop));
    }

    @Test
    void aWildcardUnregistersEveryDeviceOnlyWithExpiresZero() {
        int phone = SippRunner.freeUdpPort("127.0.0.1");
        int laptop = SippRunner.freeUdpPort("127.0.0.1");
        assertThat(sipp("register-auth.xml", "wonderland", 300).localPort(phone).run()).isZero();
        assertThat(sipp("register-auth.xml", "wonderland", 300).localPort(laptop).run()).isZero();
        assertThat(registrar.bindings(alice)).hasSize(2);

        assertThat(sipp("register-wildcard.xml", "wonderland", 0).run()).as("400 without Expires: 0, then 200")
                .isZero();
        assertThat(registrar.bindings(alice)).isEmpty();
    }

    @Test
    void aRefreshWithALowerCSeqOnTheSameCallIdIsRefusedAndTheBindingKept() {
        int phone = SippRunner.freeUdpPort("127.0.0.1");
        assertThat(sipp("register-out-of-order.xml", "wonderland", 300).localPort(phone).run())
                .as("200 for CSeq 5, then 500 for CSeq 3").isZero();
        assertThat(registrar.bindings(alice)).singleElement().satisfies(b -> {
            assertThat(b.contact()).isEqualTo(contact(phone));
            assertThat(b.cseq()).as("the refresh that came first").isEqualTo(5);
        });
    }

    @Test
    void aRegisterThroughAnEdgeProxyKeepsItsPathAndEchoesItToAUaThatSupportsPath() throws Exception {
        String edge = "<sip:edge.example:5060;lr;received=sip:192.0.2.7:40512>";
        Path scenario = SippRunner.editedScenario("/sipp/register/register-auth.xml", SCENARIOS,
                xml -> xml.replace("      Max-Forwards: 70\n", "      Max-Forwards: 70\n      Supported: path\n"
                        + "      Path: " + edge + "\n").replace("search_in=\"hdr\" header=\"Contact:\"",
                        "search_in=\"hdr\" header=\"Path:\"").replace("regexp=\"expires=\"",
                        "regexp=\"edge\\.example\""));
        int phone = SippRunner.freeUdpPort("127.0.0.1");
        assertThat(SippRunner.builder(scenario).remote("127.0.0.1", gateway.port()).timeout(WAIT).localPort(phone)
                .key("user", alice).args("-au", alice, "-ap", "wonderland").key("expires", "300").run())
                .as("200 with the Path").isZero();
        assertThat(registrar.bindings(alice)).singleElement().satisfies(b -> {
            assertThat(b.path()).containsExactly(edge);
            assertThat(b.reachableFrom("node-b")).isTrue();
        });
    }

    @Test
    void aPathTooLongToKeepGets400AndNoBinding() throws Exception {
        String edge = "<sip:edge.example:5060;lr;pad=" + "x".repeat(PathHeaders.MAX_LENGTH) + ">";
        Path scenario = SippRunner.editedScenario("/sipp/register/register-auth.xml", SCENARIOS,
                xml -> xml.replace("      Max-Forwards: 70\n", "      Max-Forwards: 70\n      Path: " + edge + "\n")
                        .replaceAll("(?s)<recv response=\"200\">.*</recv>", "<recv response=\"400\"/>")
                        .replace("<Reference variables=\"c\"/>", ""));
        assertThat(SippRunner.builder(scenario).remote("127.0.0.1", gateway.port()).timeout(WAIT)
                .key("user", alice).args("-au", alice, "-ap", "wonderland").key("expires", "300").run())
                .as("400").isZero();
        assertThat(registrar.bindings(alice)).isEmpty();
    }

    private String contact(int port) {
        return "sip:" + alice + "@127.0.0.1:" + port + ";transport=udp";
    }

    @Test
    void wrongPasswordIsRefusedWith403AfterTheChallenge() {
        assertThat(sipp("register-refused.xml", "guess", 300).run()).isZero();
        assertThat(registrar.bindings(alice)).isEmpty();
        assertThat(gateway.counters().responses(401)).isGreaterThanOrEqualTo(1);
        assertThat(gateway.counters().responses(403)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tooShortAnExpiryGets423WithMinExpires() {
        assertThat(sipp("register-brief.xml", "wonderland", 5).run()).isZero();
        assertThat(registrar.bindings(alice)).isEmpty();
    }
}
