package io.earpiece.sip.b2bua;

import io.earpiece.sip.SipGateway;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.InMemoryCredentialStore;
import io.earpiece.sip.auth.NonceManager;
import io.earpiece.sip.register.DigestGate;
import io.earpiece.sip.register.InMemoryBindingStore;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.register.RegistrarConfig;
import io.earpiece.sip.testing.KamailioRunner;
import io.earpiece.sip.testing.SippRunner;
import io.earpiece.sip.trunk.KamailioCarrier;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkRouter;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The B2BUA as its ITs run it, over whatever trunk the test made: the rep alice (password wonderland, realm
 * {@link #REALM}; bob, password looking-glass, takes her calls in the ring fallback tests) registers to Earpiece's registrar and calls out through the trunk, and the carrier's DIDs route to
 * reps; handlers added to the gateway. Shared so that each IT only says what differs (transport, timers, policy).
 */
final class RepB2bua {
    static final String REALM = "earpiece.test";
    /** The rep's phone's address: not the trunk's, so it is not taken for the carrier. */
    static final String REP_HOST = "127.0.0.2";

    final Registrar registrar;
    final B2bua b2bua;
    /** The registrar's bindings, for a test to store one as a restarted gateway would find it. */
    final InMemoryBindingStore store;

    private RepB2bua(Registrar registrar, B2bua b2bua, InMemoryBindingStore store) {
        this.registrar = registrar;
        this.b2bua = b2bua;
        this.store = store;
    }

    static RepB2bua install(SipGateway gateway, B2buaConfig config, TrunkClient trunk, Map<String, String> dids,
                            MediaRelay relay, CallDetailListener listener, ScheduledExecutorService scheduler) {
        return install(gateway, config, trunk, number -> List.of(trunk.config()), dids, relay, listener, scheduler);
    }

    /** As above, reps' calls routed over {@code routes}. */
    static RepB2bua install(SipGateway gateway, B2buaConfig config, TrunkClient trunk, TrunkRouter routes,
                            Map<String, String> dids, MediaRelay relay, CallDetailListener listener,
                            ScheduledExecutorService scheduler) {
        InMemoryCredentialStore creds = new InMemoryCredentialStore().put("alice", REALM, "wonderland")
                .put("bob", REALM, "looking-glass");
        DigestGate gate = new DigestGate(new DigestAuthenticator(REALM, creds,
                new NonceManager(Clock.systemUTC(), Duration.ofMinutes(5)),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)), gateway.context());
        InMemoryBindingStore store = new InMemoryBindingStore();
        Registrar registrar = new Registrar(RegistrarConfig.defaults(REALM), gate, store, gateway.context(),
                Clock.systemUTC());
        B2bua b2bua = new B2bua(config, gateway.context(), gate, registrar, trunk, routes,
                did -> Optional.ofNullable(dids.get(did)), relay, listener, scheduler, Clock.systemUTC());
        gateway.addHandler(registrar);
        gateway.addHandler(b2bua);
        return new RepB2bua(registrar, b2bua, store);
    }

    /**
     * alice's phone (sipp on {@link #REP_HOST}, media on {@code repMedia}) calls the customer's number through the
     * B2BUA and the carrier (kamailio), where the customer's phone (sipp on {@code customerPort}, media on
     * {@code customerMedia}) answers; the rep hangs up after 300 ms. Both phones must finish their scenarios.
     */
    static void repCallsCustomer(KamailioRunner kamailio, int customerPort, int customerMedia, int gatewayPort,
                                 int repMedia, Duration wait) {
        try (SippRunner customer = SippRunner.builder(scenario("b2bua/answer.xml"))
                .remote("127.0.0.1", kamailio.port()).localPort(customerPort).mediaPort(customerMedia)
                .timeout(wait).start()) {
            int rep = SippRunner.builder(scenario("b2bua/rep-call.xml")).remote("127.0.0.1", gatewayPort)
                    .localHost(REP_HOST).mediaIp(REP_HOST).mediaPort(repMedia).timeout(wait)
                    .key("user", "alice").key("dialed", KamailioCarrier.CUSTOMER_NUMBER)
                    .args("-au", "alice", "-ap", "wonderland", "-d", "300").run();
            if (rep != 0) {
                kamailio.dumpLog();
            }
            assertThat(rep).isZero();
            assertThat(customer.awaitExit()).isZero();
        }
    }

    /**
     * alice's phone (sipp on {@link #REP_HOST}:{@code repPort}, media on {@code repMedia}) registers to Earpiece over
     * UDP, then the customer (sipp, media on {@code customerMedia}) calls the carrier's DID, which kamailio sends to
     * the Contact the trunk registered; the B2BUA rings alice's phone, which answers, and the customer hangs up
     * after 300 ms. Both phones must finish their scenarios.
     */
    static void customerCallsTheDid(KamailioRunner kamailio, Registrar registrar, int gatewayPort, int repPort,
                                    int repMedia, int customerMedia, Duration wait) {
        registerPhone(gatewayPort, "alice", "wonderland", repPort, wait);
        assertThat(registrar.bindings("alice")).hasSize(1);
        try (SippRunner repPhone = SippRunner.builder(scenario("b2bua/answer.xml")).remote("127.0.0.1", gatewayPort)
                .localHost(REP_HOST).localPort(repPort).mediaIp(REP_HOST).mediaPort(repMedia).timeout(wait).start()) {
            customerDialsTheDid(kamailio, customerMedia, wait);
            assertThat(repPhone.awaitExit()).isZero();
        }
    }

    /** A phone of {@code user} on {@link #REP_HOST}:{@code port} registers with the registrar for 300 s. */
    static void registerPhone(int gatewayPort, String user, String password, int port, Duration wait) {
        assertThat(SippRunner.builder(scenario("register/register-auth.xml")).remote("127.0.0.1", gatewayPort)
                .localHost(REP_HOST).localPort(port).timeout(wait).key("user", user).key("expires", "300")
                .args("-au", user, "-ap", password).run()).isZero();
    }

    /** The customer calls alice's DID through the carrier and hangs up 300 ms after the answer. */
    static void customerDialsTheDid(KamailioRunner kamailio, int customerMedia, Duration wait) {
        int customer = SippRunner.builder(scenario("b2bua/rep-call.xml")).remote("127.0.0.1", kamailio.port())
                .mediaPort(customerMedia).timeout(wait)
                .key("user", KamailioCarrier.CUSTOMER_USER).key("dialed", KamailioCarrier.DID)
                .args("-au", KamailioCarrier.CUSTOMER_USER, "-ap", KamailioCarrier.CUSTOMER_PASSWORD, "-d", "300")
                .run();
        if (customer != 0) {
            kamailio.dumpLog();
        }
        assertThat(customer).isZero();
    }

    static Path scenario(String name) {
        try {
            return Path.of(RepB2bua.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
