package io.earpiece.console.auth;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.TestClassesExcluded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Browser sign-ins kept in the database: one survives a restart of the server, and two servers sharing a database
 * (a cluster's nodes) honour each other's sign-ins and sign-outs, and each other's login lockouts.
 */
class StoredSessionsIT {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final String db = "jdbc:h2:mem:stored-sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aSignInOutlivesARestart() {
        ConfigurableApplicationContext first = start("restart-1");
        MultiValueMap<String, ResponseCookie> cookies = signIn(port(first));
        me(port(first), cookies).expectStatus().isOk();
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start("restart-2");
        me(port(second), cookies).expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("admin");
    }

    @Test
    void nodesSharingADatabaseHonourEachOthersSignInsAndSignOuts() {
        int a = port(start("node-a"));
        int b = port(start("node-b"));
        MultiValueMap<String, ResponseCookie> cookies = signIn(a);
        me(b, cookies).expectStatus().isOk();

        String xsrf = cookies.getFirst("XSRF-TOKEN").getValue();
        TestAuth.anonymous(a).post().uri("/api/auth/logout").cookie("SESSION", cookies.getFirst("SESSION").getValue())
                .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf).exchange().expectStatus().isNoContent();
        me(a, cookies).expectStatus().isUnauthorized();
        // node B held the session in memory; it checks the database again within seconds
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                me(b, cookies).expectStatus().isUnauthorized());
    }

    @Test
    void aUsernameLockedOnOneNodeIsLockedOnTheOther() {
        int a = port(start("lock-a"));
        int b = port(start("lock-b"));
        for (int i = 0; i < 5; i++) { // earpiece.auth.login.max-failures-per-user
            token(a, "wrong-password-" + i).expectStatus().isUnauthorized();
        }
        token(a, TestAuth.ADMIN_PASSWORD).expectStatus().isEqualTo(429);
        // Before V21 node B counted on its own and let the right password in; a guesser could go round the nodes.
        token(b, TestAuth.ADMIN_PASSWORD).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec token(int port,
                                                                                                String password) {
        return TestAuth.anonymous(port).post().uri("/api/auth/token")
                .bodyValue(Map.of("username", TestAuth.ADMIN, "password", password)).exchange();
    }

    private static MultiValueMap<String, ResponseCookie> signIn(int port) {
        return TestAuth.anonymous(port).post().uri("/api/auth/login")
                .bodyValue(Map.of("username", TestAuth.ADMIN, "password", TestAuth.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies();
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec me(
            int port, MultiValueMap<String, ResponseCookie> cookies) {
        return TestAuth.anonymous(port).get().uri("/api/auth/me")
                .cookie("SESSION", cookies.getFirst("SESSION").getValue()).exchange();
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private ConfigurableApplicationContext start(String name) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(EarpieceApplication.class)
                .initializers(TestClassesExcluded::register)
                .run("--server.port=0", "--earpiece.sip.host=127.0.0.1", "--earpiece.sip.port=0",
                        "--earpiece.sip.public-host=127.0.0.1", "--earpiece.rtp.host=127.0.0.1",
                        "--earpiece.rtp.port-min=45800", "--earpiece.rtp.port-max=45899",
                        "--" + TestAuth.ADMIN_PASSWORD_PROPERTY,
                        "--earpiece.data-dir=" + Path.of("target", "it-data", "stored-sessions", name),
                        "--earpiece.reports.nightly=false", "--spring.datasource.url=" + db);
        running.add(app);
        return app;
    }
}
