package io.earpiece.console.auth;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenConverterTest {

    @Test
    void readsTheAuthorizationHeaderAnywhere() {
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/api/calls")
                .header(HttpHeaders.AUTHORIZATION, "Bearer ept_abc").build())).contains("ept_abc");
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/api/calls")
                .header(HttpHeaders.AUTHORIZATION, "bearer  ept_abc ").build())).contains("ept_abc");
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/api/calls")
                .header(HttpHeaders.AUTHORIZATION, "Basic YTpi").build())).isEmpty();
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/api/calls")
                .header(HttpHeaders.AUTHORIZATION, "Bearer ").build())).isEmpty();
    }

    @Test
    void readsTheQueryTokenOnlyOnWebSockets() {
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/ws/events?call=c&access_token=ept_q").build()))
                .contains("ept_q");
        assertThat(BearerTokenConverter.token(MockServerHttpRequest.get("/api/calls?access_token=ept_q").build()))
                .isEmpty();
    }
}
