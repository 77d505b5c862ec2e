package io.earpiece.sip;

import io.earpiece.sip.access.AddressRanges;
import io.earpiece.sip.access.BotAccess;
import io.earpiece.sip.access.Refusals;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.InMemoryCredentialStore;
import io.earpiece.sip.auth.NonceManager;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may place bot legs, against real sipp on loopback: 127.0.0.1 is the trusted dialer, 127.0.0.2 a stranger
 * (sipp binds it with {@code -i}).
 */
class BotLegGateIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TRUSTED = "127.0.0.1";
    private static final String STRANGER = "127.0.0.2";

    private final RecordingController controller = new RecordingController();
    private SipGateway gateway;

    private void start(BotAccess access) {
        gateway = new SipGateway(new SipGatewayConfig("127.0.0.1", 0, "udp", 10, null, "Earpiece-IT"), controller,
                Duration.ofSeconds(2), null, access);
        gateway.start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static Path scenario(String name) {
        try {
            return Path.of(BotLegGateIT.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private SippRunner.Builder sipp(String scenario, String from) {
        return SippRunner.builder(scenario(scenario)).remote("127.0.0.1", gateway.port()).localHost(from)
                .mediaPort(SippRunner.freeUdpPort(from)).timeout(WAIT);
    }

    private static AddressRanges only(String address) {
        return AddressRanges.parse(List.of(address + "/32"));
    }

    @Test
    void untrustedSourceGets403AndNoLegIsOffered() {
        start(new BotAccess(only(TRUSTED), null, 0));

        assertThat(sipp("forbidden.xml", STRANGER).run()).isZero();

        assertThat(controller.opened).isEmpty();
        assertThat(gateway.counters().responses(403)).isEqualTo(1);
        assertThat(gateway.counters().refused(Refusals.Reason.UNTRUSTED_SOURCE.tag())).isEqualTo(1);
        assertThat(sipp("basic-call.xml", TRUSTED).key("party", "rep").key("conversation", "trusted")
                .args("-d", "100").run()).as("the trusted dialer still gets through").isZero();
        assertThat(controller.opened).hasSize(1);
    }

    @Test
    void untrustedSourceWithTheDialersDigestCredentialsIsAnswered() {
        DigestAuthenticator digest = new DigestAuthenticator("earpiece.test",
                new InMemoryCredentialStore().put("dialer", "earpiece.test", "s3cret"),
                new NonceManager(Clock.systemUTC(), Duration.ofMinutes(5)), List.of(DigestAlgorithm.MD5));
        start(new BotAccess(only(TRUSTED), digest, 0));

        assertThat(sipp("digest-call.xml", STRANGER).args("-au", "dialer", "-ap", "s3cret", "-d", "100").run())
                .isZero();
        assertThat(controller.opened).hasSize(1);
        assertThat(gateway.counters().responses(401)).isEqualTo(1);

        assertThat(sipp("digest-call.xml", STRANGER).args("-au", "dialer", "-ap", "wrong", "-d", "100").run())
                .as("a wrong password is refused (sipp exits non-zero on the unexpected 403)").isNotZero();
        assertThat(controller.opened).hasSize(1);
        // Counted just after the 403 went out, so sipp may be quicker.
        await().atMost(WAIT).until(() -> gateway.counters().refused(Refusals.Reason.BAD_CREDENTIALS.tag()) == 1);
    }

    @Test
    void sourceOverItsQuotaGets503WithRetryAfterWhileAnotherSourceGetsThrough() {
        start(new BotAccess(AddressRanges.loopback(), null, 1));
        try (SippRunner held = sipp("hangup-by-bot.xml", TRUSTED).start()) {
            await().atMost(WAIT).until(() -> controller.established.size() == 1);

            assertThat(sipp("busy.xml", TRUSTED).run()).as("second leg from the same source: 503 + Retry-After")
                    .isZero();
            assertThat(gateway.counters().refused(Refusals.Reason.SOURCE_QUOTA.tag())).isEqualTo(1);
            assertThat(controller.opened).hasSize(1);

            assertThat(sipp("basic-call.xml", STRANGER).key("party", "rep").key("conversation", "other")
                    .args("-d", "100").run()).as("another source has its own quota").isZero();

            gateway.hangup(controller.established.get(0));
            assertThat(held.awaitExit()).isZero();
        }
        assertThat(sipp("basic-call.xml", TRUSTED).key("party", "rep").key("conversation", "again")
                .args("-d", "100").run()).as("the quota is freed when the leg ends").isZero();
    }
}
