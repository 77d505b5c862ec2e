package io.earpiece.console.auth;

import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in, credentials, CSRF and call access against the running server. No admin password is configured
 * here, so the test also has to find the first admin's one-time password in the start-up log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47200", "earpiece.rtp.port-max=47299",
        "earpiece.data-dir=target/it-data/auth",
        "spring.datasource.url=jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1"})
class AuthIT {

    private static final Pattern ONE_TIME = Pattern.compile("one-time password: (\\S+)");
    private static final String PASSWORD = "correct horse battery";

    @org.springframework.beans.factory.annotation.Autowired
    io.earpiece.console.events.CallEventBus bus;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallRepository calls;
    @Autowired
    AdminBootstrap bootstrap;
    @Autowired
    CallAccessPolicy policy;

    WebTestClient anonymous() {
        return TestAuth.anonymous(port);
    }

    String adminPassword(CapturedOutput output) {
        Matcher m = ONE_TIME.matcher(output.getAll());
        assertThat(m.find()).as("one-time admin password in the start-up log").isTrue();
        return m.group(1);
    }

    String adminToken(CapturedOutput output) {
        return TestAuth.token(port, "admin", adminPassword(output));
    }

    /** Creates the user through the admin API unless it exists. */
    void ensureUser(String adminToken, String username, String role, String team, String sipUser, String extension) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (team != null) {
            body.put("team", team);
        }
        if (sipUser != null) {
            body.put("sipUser", sipUser);
        }
        if (extension != null) {
            body.put("extension", extension);
        }
        TestAuth.as(port, adminToken).post().uri("/api/admin/users").bodyValue(body).exchange()
                .expectStatus().value(s -> assertThat(s).isIn(201, 409));
    }

    @Test
    void theOneTimeAdminPasswordIsLoggedOnceAndWorks(CapturedOutput output) {
        String password = adminPassword(output);
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("occurrences + 1").hasSize(2);
        assertThat(bootstrap.createFirstAdmin()).as("a second start creates no admin").isFalse();
        assertThat(output.getAll().split(Pattern.quote(password), -1)).hasSize(2);

        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "admin", "password", password))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin").jsonPath("$.roles[0]").isEqualTo("ADMIN");
        assertThat(jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class))
                .startsWith("{bcrypt}$2").doesNotContain(password);
    }

    @Test
    void anonymousRequestsAreRefusedButThePageAndHealthAreOpen() {
        anonymous().get().uri("/api/calls").exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.message").isNotEmpty();
        anonymous().get().uri("/api/calls/x").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/cards/stats").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/admin/users").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
        anonymous().get().uri("/").exchange().expectStatus().isOk();
        anonymous().get().uri("/api/calls").header(HttpHeaders.AUTHORIZATION, "Bearer ept_forged")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anonymousWebSocketHandshakeIsRefused(CapturedOutput output) {
        var client = new ReactorNettyWebSocketClient();
        assertThatThrownBy(() -> client.execute(java.net.URI.create("ws://127.0.0.1:" + port + "/ws/events"),
                s -> s.receive().then()).block(Duration.ofSeconds(10))).hasMessageContaining("401");
        assertThatThrownBy(() -> client.execute(TestAuth.webSocket(port, "/ws/events?call=c", "ept_forged"),
                s -> s.receive().then()).block(Duration.ofSeconds(10))).hasMessageContaining("401");
        // With a token the request gets through to the handshake, which refuses a plain GET (no Upgrade): 400.
        // (Real handshakes with a token are in LiveCallIT and PiiMaskingIT.)
        anonymous().get().uri("/ws/events?access_token=" + adminToken(output)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "admin", "password", "nope"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.message").isEqualTo("wrong username or password");
        anonymous().post().uri("/api/auth/token").bodyValue(Map.of("username", "nobody", "password", "nope"))
                .exchange().expectStatus().isUnauthorized();
        anonymous().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/auth/me").headers(h -> h.setBasicAuth("admin", "nope"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void sessionLoginMeAndCsrf(CapturedOutput output) {
        EntityExchangeResult<byte[]> login = anonymous().post().uri("/api/auth/login")
                .bodyValue(Map.of("username", "admin", "password", adminPassword(output)))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
        ResponseCookie xsrf = login.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(xsrf).as("CSRF cookie handed out with the login answer").isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();

        anonymous().get().uri("/api/auth/me").cookie("SESSION", session.getValue()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.roles").isEqualTo(List.of("ADMIN"))
                .jsonPath("$.team").doesNotExist();

        anonymous().post().uri("/api/admin/teams").cookie("SESSION", session.getValue())
                .bodyValue(Map.of("name", "csrf-less")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isNotEmpty();
        anonymous().post().uri("/api/admin/teams").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", "not-the-token")
                .bodyValue(Map.of("name", "csrf-wrong")).exchange().expectStatus().isForbidden();
        anonymous().post().uri("/api/admin/teams").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", xsrf.getValue())
                .bodyValue(Map.of("name", "csrf-ok")).exchange().expectStatus().isCreated();

        anonymous().post().uri("/api/auth/logout").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", xsrf.getValue())
                .exchange().expectStatus().isNoContent();
        anonymous().get().uri("/api/auth/me").cookie("SESSION", session.getValue()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void bearerTokensBasicAndApiKeys(CapturedOutput output) {
        String admin = adminToken(output);
        WebTestClient asAdmin = TestAuth.as(port, admin);
        asAdmin.get().uri("/api/calls").exchange().expectStatus().isOk();
        asAdmin.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
        // No CSRF token needed with a bearer token or Basic.
        asAdmin.post().uri("/api/admin/teams").bodyValue(Map.of("name", "bearer-team")).exchange().expectStatus().isCreated();
        anonymous().post().uri("/api/admin/teams").headers(h -> h.setBasicAuth("admin", adminPassword(output)))
                .bodyValue(Map.of("name", "basic-team")).exchange().expectStatus().isCreated();

        ensureUser(admin, "dana", "REP", "green", null, null);
        String key = (String) asAdmin.post().uri("/api/admin/api-keys").bodyValue(Map.of("name", "crm", "username", "dana"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key");
        assertThat(key).startsWith("epk_");
        TestAuth.as(port, key).get().uri("/api/auth/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("dana").jsonPath("$.team").isEqualTo("green");
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Long.class, key)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Long.class,
                TokenCodec.hash(key))).isOne();
        Number keyId = (Number) ((Map<?, ?>) asAdmin.get().uri("/api/admin/api-keys").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody().get(0)).get("id");
        asAdmin.delete().uri("/api/admin/api-keys/" + keyId).exchange().expectStatus().isNoContent();
        TestAuth.as(port, key).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();

        String danaToken = TestAuth.token(port, "dana", PASSWORD);
        TestAuth.as(port, danaToken).get().uri("/api/admin/users").exchange().expectStatus().isForbidden();
        TestAuth.as(port, danaToken).post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
        TestAuth.as(port, danaToken).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adminApiStoresHashesAndNeverReturnsThem(CapturedOutput output) {
        String admin = adminToken(output);
        ensureUser(admin, "erin", "MANAGER", "green", "erin.sip", "2005");
        String users = TestAuth.as(port, admin).get().uri("/api/admin/users").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(users).contains("\"username\":\"erin\"", "\"role\":\"MANAGER\"", "\"sipUser\":\"erin.sip\"")
                .doesNotContain("bcrypt", "password", PASSWORD);
        String hash = jdbc.queryForObject("select password_hash from users where username = 'erin'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        TestAuth.as(port, admin).get().uri("/api/admin/teams").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == 'green')].members[*]").value(m ->
                        assertThat(m.toString()).contains("erin"));
        TestAuth.as(port, admin).post().uri("/api/admin/users")
                .bodyValue(Map.of("username", "short", "password", "abc", "role", "REP"))
                .exchange().expectStatus().isBadRequest();
        TestAuth.as(port, admin).post().uri("/api/admin/users")
                .bodyValue(Map.of("username", "weird", "password", PASSWORD, "role", "KING"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aRepSeesOnlyTheirCallsAManagerTheirTeamsAndAnAdminAll(CapturedOutput output) {
        String admin = adminToken(output);
        ensureUser(admin, "alice", "REP", "red", "alice", null);
        ensureUser(admin, "bob", "REP", "blue", null, "2002");
        ensureUser(admin, "carol", "MANAGER", "red", null, null);
        ensureUser(admin, "al_ce", "REP", "blue", null, null);
        Instant now = Instant.now();
        calls.save(new CallEntity("call-alice", "conv-alice", "sip:alice@pbx.example", "sip:assistant@earpiece", now));
        calls.save(new CallEntity("call-bob", "conv-bob", "sip:+15550100@carrier", "sip:2002@pbx.example;user=phone",
                now.plusSeconds(1)));

        String alice = TestAuth.token(port, "alice", PASSWORD);
        String bob = TestAuth.token(port, "bob", PASSWORD);
        String carol = TestAuth.token(port, "carol", PASSWORD);
        String alce = TestAuth.token(port, "al_ce", PASSWORD);

        TestAuth.as(port, alice).get().uri("/api/calls/call-alice").exchange().expectStatus().isOk();
        TestAuth.as(port, alice).get().uri("/api/calls/call-bob").exchange().expectStatus().isNotFound();
        TestAuth.as(port, alice).get().uri("/api/calls/call-bob/audio/rep.wav").exchange().expectStatus().isNotFound();
        TestAuth.as(port, alice).post().uri("/api/calls/call-bob/cards/1/feedback").bodyValue(Map.of("action", "used"))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.message").isEqualTo("no call call-bob");
        TestAuth.as(port, bob).get().uri("/api/calls/call-bob").exchange().expectStatus().isOk();
        TestAuth.as(port, bob).get().uri("/api/calls/call-alice").exchange().expectStatus().isNotFound();
        TestAuth.as(port, carol).get().uri("/api/calls/call-alice").exchange().expectStatus().isOk();
        TestAuth.as(port, carol).get().uri("/api/calls/call-bob").exchange().expectStatus().isNotFound();
        TestAuth.as(port, alce).get().uri("/api/calls/call-alice").exchange().expectStatus().isNotFound();
        TestAuth.as(port, admin).get().uri("/api/calls/call-alice").exchange().expectStatus().isOk();
        TestAuth.as(port, admin).get().uri("/api/calls/call-bob").exchange().expectStatus().isOk();
        // search lists only what the user may open
        TestAuth.as(port, alice).get().uri("/api/search?size=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.hits[?(@.callId == 'call-alice')]").exists()
                .jsonPath("$.hits[?(@.callId == 'call-bob')]").doesNotExist();
        TestAuth.as(port, admin).get().uri("/api/search?size=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.hits[?(@.callId == 'call-bob')]").exists();

        var client = new ReactorNettyWebSocketClient();
        assertThatThrownBy(() -> client.execute(TestAuth.webSocket(port, "/ws/events?call=call-alice", bob),
                s -> s.receive().then()).block(Duration.ofSeconds(10))).hasMessageContaining("404");
        // The all-calls stream carries only the events of calls the user may see.
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        reactor.core.Disposable stream = client.execute(TestAuth.webSocket(port, "/ws/events", bob),
                s -> s.receive().doOnNext(m -> got.add(m.getPayloadAsText())).then()).subscribe();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> bus.subscribers() > 0);
        bus.publish(new io.earpiece.console.events.CallStateEvent("call-alice", "hold", "rep"));
        bus.publish(new io.earpiece.console.events.CallStateEvent("call-bob", "hold", "rep"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> got.stream().anyMatch(m -> m.contains("call-bob")));
        assertThat(got).noneMatch(m -> m.contains("call-alice"));
        stream.dispose();
        anonymous().get().uri("/ws/events?call=call-bob&access_token=" + bob).exchange().expectStatus().isBadRequest();
        anonymous().get().uri("/ws/events?call=call-alice&access_token=" + bob).exchange().expectStatus().isNotFound();

        assertThat(policy.visibleCalls(auth("alice"), 0, 50)).extracting(CallEntity::getId).containsExactly("call-alice");
        assertThat(policy.visibleCalls(auth("bob"), 0, 50)).extracting(CallEntity::getId).containsExactly("call-bob");
        assertThat(policy.visibleCalls(auth("carol"), 0, 50)).extracting(CallEntity::getId).containsExactly("call-alice");
        assertThat(policy.visibleCalls(auth("admin"), 0, 50)).extracting(CallEntity::getId)
                .containsSubsequence("call-bob", "call-alice");
        assertThat(policy.liveFilter(auth("bob")).test("call-alice")).isFalse();
        assertThat(policy.liveFilter(auth("bob")).test("call-bob")).isTrue();
    }

    /** Signs in with a session; the answer's cookies (SESSION and XSRF-TOKEN). */
    org.springframework.util.MultiValueMap<String, ResponseCookie> login(String username, String password) {
        return anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies();
    }

    int me(org.springframework.util.MultiValueMap<String, ResponseCookie> session) {
        return anonymous().get().uri("/api/auth/me").cookie("SESSION", session.getFirst("SESSION").getValue())
                .exchange().returnResult(String.class).getStatus().value();
    }

    int me(String token) {
        return TestAuth.as(port, token).get().uri("/api/auth/me").exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsAndTokens(CapturedOutput output) {
        ensureUser(adminToken(output), "frank", "REP", null, null, null);
        String token = TestAuth.token(port, "frank", PASSWORD);
        var changing = login("frank", PASSWORD);
        var other = login("frank", PASSWORD);
        assertThat(List.of(me(token), me(changing), me(other))).containsOnly(200);

        String xsrf = changing.getFirst("XSRF-TOKEN").getValue();
        var renewed = anonymous().post().uri("/api/auth/password").cookie("SESSION", changing.getFirst("SESSION").getValue())
                .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"))
                .exchange().expectStatus().isNoContent().expectBody().returnResult().getResponseCookies();

        assertThat(me(token)).as("login token from before the change").isEqualTo(401);
        assertThat(me(other)).as("another session from before the change").isEqualTo(401);
        assertThat(renewed.getFirst("SESSION").getValue()).as("a fresh session id")
                .isNotEqualTo(changing.getFirst("SESSION").getValue());
        assertThat(me(renewed)).as("the session that made the change").isEqualTo(200);
        assertThat(me(TestAuth.token(port, "frank", "a brand new secret"))).isEqualTo(200);
    }

    @Test
    void anAdminDisablesEnablesAndDeletesUsersButNotThemselves(CapturedOutput output) {
        String admin = adminToken(output);
        WebTestClient asAdmin = TestAuth.as(port, admin);
        ensureUser(admin, "gina", "REP", null, null, null);
        String token = TestAuth.token(port, "gina", PASSWORD);
        var session = login("gina", PASSWORD);

        asAdmin.put().uri("/api/admin/users/gina/enabled").bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("gina")
                .jsonPath("$.enabled").isEqualTo(false);
        assertThat(me(token)).as("token of a disabled user").isEqualTo(401);
        assertThat(me(session)).as("session of a disabled user").isEqualTo(401);
        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "gina", "password", PASSWORD))
                .exchange().expectStatus().isUnauthorized();
        anonymous().post().uri("/api/auth/token").bodyValue(Map.of("username", "gina", "password", PASSWORD))
                .exchange().expectStatus().isUnauthorized();

        asAdmin.put().uri("/api/admin/users/gina/enabled").bodyValue(Map.of("enabled", true)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        assertThat(me(token)).as("enabling again does not bring old tokens back").isEqualTo(401);
        assertThat(me(session)).as("nor old sessions").isEqualTo(401);
        assertThat(me(login("gina", PASSWORD))).isEqualTo(200);

        asAdmin.put().uri("/api/admin/users/admin/enabled").bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isEqualTo(409);
        asAdmin.delete().uri("/api/admin/users/admin").exchange().expectStatus().isEqualTo(409);
        asAdmin.put().uri("/api/admin/users/nobody/enabled").bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isNotFound();
        assertThat(me(admin)).isEqualTo(200);

        String key = (String) asAdmin.post().uri("/api/admin/api-keys").bodyValue(Map.of("name", "gina-crm", "username", "gina"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key");
        String fresh = TestAuth.token(port, "gina", PASSWORD);
        var freshSession = login("gina", PASSWORD);
        asAdmin.delete().uri("/api/admin/users/gina").exchange().expectStatus().isNoContent();
        assertThat(List.of(me(fresh), me(key), me(freshSession))).as("credentials of a deleted user").containsOnly(401);
        asAdmin.get().uri("/api/admin/users").exchange().expectStatus().isOk().expectBody(String.class)
                .value(users -> assertThat(users).doesNotContain("\"gina\""));
        asAdmin.delete().uri("/api/admin/users/gina").exchange().expectStatus().isNotFound();
        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "gina", "password", PASSWORD))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void repeatedWrongPasswordsLockTheUserOutWith429AndRetryAfter(CapturedOutput output) {
        ensureUser(adminToken(output), "hank", "REP", null, null, null);
        for (int i = 0; i < 5; i++) {
            anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "hank", "password", "guess " + i))
                    .exchange().expectStatus().isUnauthorized();
        }
        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "hank", "password", "guess 6"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isPositive())
                .expectBody().jsonPath("$.message").isNotEmpty();
        // Locked means locked: the right password does not get in either, by any door.
        anonymous().post().uri("/api/auth/login").bodyValue(Map.of("username", "hank", "password", PASSWORD))
                .exchange().expectStatus().isEqualTo(429);
        anonymous().post().uri("/api/auth/token").bodyValue(Map.of("username", "hank", "password", PASSWORD))
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        anonymous().get().uri("/api/auth/me").headers(h -> h.setBasicAuth("hank", PASSWORD))
                .exchange().expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        // Other users are not affected.
        assertThat(me(adminToken(output))).isEqualTo(200);
    }

    private static UsernamePasswordAuthenticationToken auth(String username) {
        return UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
    }
}
