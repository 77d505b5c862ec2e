package io.earpiece.console.auth;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries the browser-hardening headers: a Content-Security-Policy that lets the SPA load only its
 * own files and no page frame it, no Referer leaving the console (call ids are in its URLs), and no caching of
 * API answers (transcripts, recordings) by the browser or a proxy.
 */
@SharedTestServer
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void apiAnswersCarryTheHeadersWhetherAllowedOrRefused() {
        check(TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/calls").exchange().expectStatus().isOk());
        check(TestAuth.anonymous(port).get().uri("/api/calls").exchange().expectStatus().isUnauthorized());
        check(TestAuth.as(port, TestAuth.adminToken(port)).get().uri("/api/calls/no-such-call").exchange()
                .expectStatus().isNotFound());
    }

    @Test
    void thePageCarriesThePolicyToo() {
        HttpHeaders headers = TestAuth.anonymous(port).get().uri("/").exchange().returnResult(String.class)
                .getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    static void check(WebTestClient.ResponseSpec response) {
        HttpHeaders headers = response.returnResult(String.class).getResponseHeaders();
        String csp = headers.getFirst("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getCacheControl()).contains("no-store");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
