package io.earpiece.console.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs tests in. Tests put {@link #ADMIN_PASSWORD_PROPERTY} in their {@code @SpringBootTest} properties, so the
 * first start creates {@code admin} with {@link #ADMIN_PASSWORD}, then use a bearer token from
 * {@code POST /api/auth/token} on HTTP and as {@code ?access_token=} on WebSockets.
 */
public final class TestAuth {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-secret-1";
    public static final String ADMIN_PASSWORD_PROPERTY = "earpiece.auth.admin-password=" + ADMIN_PASSWORD;
    /** The password of the users {@link #user} creates. */
    public static final String USER_PASSWORD = "it-user-secret-1";

    private TestAuth() {
    }

    /** An anonymous client of the server on {@code port}. */
    public static WebTestClient anonymous(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    /** A bearer token of the user. */
    public static String token(int port, String username, String password) {
        Map<?, ?> body = anonymous(port).post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("token");
    }

    /** A bearer token of the first admin. */
    public static String adminToken(int port) {
        return token(port, ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Creates the user through the admin API unless it exists; {@code team}, {@code sipUser} and {@code extension}
     * may be null. Their password is {@link #USER_PASSWORD}.
     */
    public static void user(int port, String username, String role, String team, String sipUser, String extension) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", USER_PASSWORD, "role", role));
        if (team != null) {
            body.put("team", team);
        }
        if (sipUser != null) {
            body.put("sipUser", sipUser);
        }
        if (extension != null) {
            body.put("extension", extension);
        }
        as(port, adminToken(port)).post().uri("/api/admin/users").bodyValue(body).exchange()
                .expectStatus().value(s -> assertThat(s).as("creating " + username).isIn(201, 409));
    }

    /** A client signed in as a user {@link #user} created. */
    public static WebTestClient asUser(int port, String username) {
        return as(port, token(port, username, USER_PASSWORD));
    }

    /** A client that sends the token on every request. */
    public static WebTestClient as(int port, String token) {
        return anonymous(port).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** {@code ws://} URI of {@code pathAndQuery} carrying the token as {@code access_token}. */
    public static URI webSocket(int port, String pathAndQuery, String token) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        return URI.create("ws://127.0.0.1:" + port + pathAndQuery + separator + "access_token=" + token);
    }
}
