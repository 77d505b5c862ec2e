package io.earpiece.console.auth;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfRequirementTest {

    @Test
    void cookieSessionWritesNeedAToken() {
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/admin/users").build())).isTrue();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.delete("/api/admin/api-keys/1").build())).isTrue();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/auth/logout").build())).isTrue();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/admin/users")
                .header(HttpHeaders.AUTHORIZATION, "Token x").build())).as("unknown scheme").isTrue();
    }

    @Test
    void readsLoginAndHeaderCredentialsAreExempt() {
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.get("/api/calls").build())).isFalse();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/auth/login").build())).isFalse();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/auth/token").build())).isFalse();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/analyze")
                .header(HttpHeaders.AUTHORIZATION, "Bearer ept_x").build())).isFalse();
        assertThat(CsrfRequirement.needsToken(MockServerHttpRequest.post("/api/analyze")
                .header(HttpHeaders.AUTHORIZATION, "basic YTpi").build())).isFalse();
    }
}
