package io.earpiece.console.api;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every paged endpoint answers a page or size out of range with 400 and the range, never 500. */
@SharedTestServer
class PagingIT {

    static final List<String> PAGED = List.of("/api/calls", "/api/search", "/api/exports", "/api/admin/call-details");

    @LocalServerPort
    int port;

    @Test
    void hugePagesAreRefusedWith400() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        for (String path : PAGED) {
            for (String query : List.of("page=2147483647", "page=2147483647&size=500", "page=100000000&size=50",
                    "page=-1")) {
                admin.get().uri(path + "?" + query).exchange().expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).as(path + "?" + query)
                                .startsWith("page must be"));
            }
            admin.get().uri(path + "?page=99999999999").exchange().expectStatus().isBadRequest();
            admin.get().uri(path + "?size=501").exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).startsWith("size must be"));
            admin.get().uri(path + "?page=3&size=20").exchange().expectStatus().isOk();
        }
        admin.get().uri("/api/uploads?size=501").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).startsWith("size must be"));
        admin.get().uri("/api/uploads?size=500").exchange().expectStatus().isOk();
    }
}
