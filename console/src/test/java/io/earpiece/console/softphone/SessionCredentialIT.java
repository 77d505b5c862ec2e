package io.earpiece.console.softphone;

import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.db.telephony.SoftphoneCredentialRepository;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.testing.SippRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser softphone's SIP credential belongs to the console session that asked for it: a sipp "softphone"
 * registers at Earpiece's registrar with the password {@code GET /api/softphone/config} handed out, for that rep
 * only, and the same password is refused (403) once the session is signed out, the password changed or the user
 * disabled. The answer never carries the account's HA1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=48600", "earpiece.rtp.port-max=48699",
        "earpiece.data-dir=target/it-data/session-credential",
        "spring.datasource.url=jdbc:h2:mem:session-credential;DB_CLOSE_DELAY=-1",
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.telephony.realm=earpiece.test",
        // Janus (and sipp) answer only the first challenge, with MD5; no Janus runs here, sipp stands in for it
        "earpiece.telephony.digest-algorithms=MD5,SHA-256",
        "earpiece.softphone.janus-url=http://127.0.0.1:9/janus"})
@Import(ReplayRecognizerConfig.class)
class SessionCredentialIT {

    private static final String REP = "carol";
    private static final String OTHER_REP = "dave";
    private static final String SIP_PASSWORD = "carols-desk-phone-1";
    private static final String PHONE_HOST = "127.0.0.2";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCENARIOS = Path.of("target", "session-credential-scenarios");

    @Autowired
    SipGateway gateway;
    @Autowired
    SipUserRepository sipUsers;
    @Autowired
    SoftphoneCredentialRepository credentials;
    @LocalServerPort
    int port;

    @BeforeEach
    void accounts() {
        var admin = TestAuth.as(port, TestAuth.adminToken(port));
        for (String user : new String[] {REP, OTHER_REP}) {
            admin.post().uri("/api/admin/sip-users").bodyValue(Map.of("username", user, "password", SIP_PASSWORD))
                    .exchange().expectStatus().value(s -> assertThat(s).isIn(201, 409));
            TestAuth.user(port, user, "REP", null, user, null);
            admin.put().uri("/api/admin/users/" + user + "/enabled").bodyValue(Map.of("enabled", true))
                    .exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void theSessionsPasswordRegistersThatRepOnlyAndStopsAtSignOut() throws IOException {
        Session session = signIn(REP, TestAuth.USER_PASSWORD);
        SoftphoneConfig config = session.config();
        String ha1 = sipUsers.findById(REP).orElseThrow().getHa1Md5();
        assertThat(config.username()).isEqualTo(REP);
        assertThat(config.secret()).isNotBlank().isNotEqualTo(ha1).isNotEqualTo(SIP_PASSWORD);
        assertThat(session.configJson()).doesNotContain(ha1);
        // stored as HA1s only
        assertThat(credentials.findAll()).allSatisfy(c -> assertThat(c.getHa1Md5()).isNotEqualTo(config.secret()));

        assertThat(register("/sipp/register/register-auth.xml", REP, config.secret()))
                .as("REGISTER with the session's password").isZero();
        assertThat(register("/sipp/register/register-auth.xml", REP, SIP_PASSWORD))
                .as("the account's own password (desk phones) still works").isZero();
        assertThat(register("/sipp/register/register-refused.xml", OTHER_REP, config.secret()))
                .as("another rep's user name with this session's password").isZero();

        session.signOut();
        assertThat(register("/sipp/register/register-refused.xml", REP, config.secret()))
                .as("REGISTER with the password of a signed-out session").isZero();
    }

    @Test
    void aPasswordChangeOrDisablingRevokesTheSessionsPassword() throws IOException {
        Session session = signIn(REP, TestAuth.USER_PASSWORD);
        String before = session.config().secret();
        session.post("/api/auth/password", Map.of("currentPassword", TestAuth.USER_PASSWORD,
                "newPassword", "carols-new-password-2"));
        assertThat(register("/sipp/register/register-refused.xml", REP, before))
                .as("after a password change").isZero();
        signIn(REP, "carols-new-password-2").post("/api/auth/password", Map.of("currentPassword",
                "carols-new-password-2", "newPassword", TestAuth.USER_PASSWORD));

        Session again = signIn(REP, TestAuth.USER_PASSWORD);
        String secret = again.config().secret();
        assertThat(register("/sipp/register/register-auth.xml", REP, secret)).isZero();
        TestAuth.as(port, TestAuth.adminToken(port)).put().uri("/api/admin/users/" + REP + "/enabled")
                .bodyValue(Map.of("enabled", false)).exchange().expectStatus().is2xxSuccessful();
        assertThat(register("/sipp/register/register-refused.xml", REP, secret)).as("after disabling").isZero();
    }

    @Test
    void aBearerTokenGetsNoSipCredential() {
        TestAuth.asUser(port, REP).get().uri("/api/softphone/config").exchange().expectStatus().isEqualTo(409);
    }

    private int register(String scenario, String user, String password) throws IOException {
        return SippRunner.builder(SippRunner.editedScenario(scenario, SCENARIOS, s -> s))
                .remote("127.0.0.1", gateway.port()).localHost(PHONE_HOST)
                .localPort(SippRunner.freeUdpPort(PHONE_HOST)).timeout(WAIT)
                .key("user", user).key("expires", "300").args("-au", user, "-ap", password).run();
    }

    private Session signIn(String username, String password) {
        MultiValueMap<String, ResponseCookie> cookies = TestAuth.anonymous(port).post().uri("/api/auth/login")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies();
        return new Session(cookies.getFirst("SESSION").getValue(), cookies.getFirst("XSRF-TOKEN").getValue());
    }

    /** A console sign-in as a browser holds it: the session cookie and the CSRF token. */
    private final class Session {
        private String id;
        private final String xsrf;

        Session(String id, String xsrf) {
            this.id = id;
            this.xsrf = xsrf;
        }

        SoftphoneConfig config() {
            return TestAuth.anonymous(port).get().uri("/api/softphone/config").cookie("SESSION", id).exchange()
                    .expectStatus().isOk().expectHeader().valueMatches("Cache-Control", ".*no-store.*")
                    .expectBody(SoftphoneConfig.class).returnResult().getResponseBody();
        }

        String configJson() {
            return TestAuth.anonymous(port).get().uri("/api/softphone/config").cookie("SESSION", id).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        }

        void post(String path, Object body) {
            var result = TestAuth.anonymous(port).post().uri(path).cookie("SESSION", id).cookie("XSRF-TOKEN", xsrf)
                    .header("X-XSRF-TOKEN", xsrf).bodyValue(body).exchange().expectStatus().is2xxSuccessful()
                    .expectBody().returnResult();
            ResponseCookie renewed = result.getResponseCookies().getFirst("SESSION");
            if (renewed != null) {
                id = renewed.getValue(); // a password change keeps this session under a fresh id
            }
        }

        void signOut() {
            post("/api/auth/logout", Map.of());
        }
    }
}
