package io.earpiece.console.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.console.auth.JsonErrors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSocketOriginFilterTest {

    final WebSocketOriginFilter filter = filter(List.of("https://console.example", "http://intranet.example:8443/"));

    static WebSocketOriginFilter filter(List<String> allowed) {
        return new WebSocketOriginFilter(new WebSocketProperties(allowed), new JsonErrors(new ObjectMapper()));
    }

    /** Whether the request got through the filter. */
    boolean passes(String url, String origin) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(url);
        if (origin != null) {
            request.header(HttpHeaders.ORIGIN, origin);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicBoolean passed = new AtomicBoolean();
        filter.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        if (!passed.get()) {
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        return passed.get();
    }

    @Test
    void theServersOwnOriginPassesWithOrWithoutItsDefaultPort() {
        assertThat(passes("http://earpiece.example/ws/events", "http://earpiece.example")).isTrue();
        assertThat(passes("http://earpiece.example/ws/events", "http://EARPIECE.example:80")).isTrue();
        assertThat(passes("https://earpiece.example/ws/events", "https://earpiece.example")).isTrue();
        assertThat(passes("http://earpiece.example:8080/ws/events?call=c", "http://earpiece.example:8080")).isTrue();
    }

    @Test
    void anotherSchemeHostOrPortIsRefused() {
        assertThat(passes("http://earpiece.example:8080/ws/events", "http://evil.example:8080")).isFalse();
        assertThat(passes("http://earpiece.example:8080/ws/events", "http://earpiece.example:8081")).isFalse();
        assertThat(passes("http://earpiece.example/ws/events", "https://earpiece.example")).isFalse();
        assertThat(passes("http://earpiece.example/ws/events", "http://earpiece.example.evil.example")).isFalse();
        assertThat(passes("http://earpiece.example/ws/events", "null")).isFalse();
        assertThat(passes("http://earpiece.example/ws/events", "not a url")).isFalse();
    }

    @Test
    void configuredOriginsPass() {
        assertThat(passes("http://earpiece.example/ws/events", "https://console.example")).isTrue();
        assertThat(passes("http://earpiece.example/ws/events", "https://console.example:443")).isTrue();
        assertThat(passes("http://earpiece.example/ws/events", "http://intranet.example:8443")).isTrue();
        assertThat(passes("http://earpiece.example/ws/events", "http://console.example")).isFalse();
    }

    @Test
    void requestsWithoutOriginAndOtherPathsPass() {
        assertThat(passes("http://earpiece.example/ws/events", null)).isTrue();
        assertThat(passes("http://earpiece.example/api/calls", "http://evil.example")).isTrue();
    }

    @Test
    void aConfiguredValueThatIsNoOriginStopsTheStart() {
        assertThatThrownBy(() -> filter(List.of("console.example"))).hasMessageContaining("console.example");
    }
}
