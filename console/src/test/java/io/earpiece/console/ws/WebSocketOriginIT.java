package io.earpiece.console.ws;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Browsers send the session cookie with a WebSocket handshake whatever page opened it, so a handshake from a
 * foreign page ({@code Origin} neither the server's own nor configured) is refused; clients that send no
 * {@code Origin} (scripts with a bearer token) are not browsers and pass.
 */
@SharedTestServer
class WebSocketOriginIT {

    @LocalServerPort
    int port;

    @Test
    void aHandshakeFromAForeignPageIsRefusedEvenWithTheSessionCookie() {
        String session = sessionCookie();
        assertThatThrownBy(() -> handshake(session, "http://evil.example")).hasMessageContaining("403");
        assertThatThrownBy(() -> handshake(session, "http://127.0.0.1:1")).hasMessageContaining("403");
        assertThatThrownBy(() -> handshake(session, "https://127.0.0.1:" + port)).hasMessageContaining("403");
        assertThatThrownBy(() -> handshake(session, "null")).hasMessageContaining("403");
    }

    @Test
    void theServersOwnAndConfiguredOriginsAreAccepted() {
        String session = sessionCookie();
        handshake(session, "http://127.0.0.1:" + port);
        handshake(session, SharedTestServer.ALLOWED_ORIGIN);
    }

    @Test
    void aRequestWithoutOriginPasses() {
        String token = TestAuth.adminToken(port);
        // Through to the handshake, which refuses a plain GET (no Upgrade) with 400; a foreign Origin never gets there.
        TestAuth.anonymous(port).get().uri("/ws/events?access_token=" + token).exchange().expectStatus().isBadRequest();
        TestAuth.anonymous(port).get().uri("/ws/events?access_token=" + token).header(HttpHeaders.ORIGIN, "http://evil.example")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.message").isNotEmpty();
    }

    void handshake(String session, String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, "SESSION=" + session);
        headers.set(HttpHeaders.ORIGIN, origin);
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/ws/events"), headers,
                s -> s.close()).block(Duration.ofSeconds(10));
    }

    String sessionCookie() {
        ResponseCookie cookie = TestAuth.anonymous(port).post().uri("/api/auth/login")
                .bodyValue(Map.of("username", TestAuth.ADMIN, "password", TestAuth.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseCookies().getFirst("SESSION");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }
}
