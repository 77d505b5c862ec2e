package io.earpiece.console.telephony;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trunk fields end up in SIP headers (Request-URI, From, To, digest parameters), so a control character in one
 * could add a header of the admin's choosing: the admin API refuses them with 400 and stores nothing.
 */
@SharedTestServer
class TrunkAdminInputIT {

    @LocalServerPort
    int port;

    @Test
    void controlCharactersInFieldsThatReachSipHeadersAreRefused() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> bad = Map.of(
                "host", "127.0.0.1\r\nX-Injected: 1",
                "username", "earpiece\nVia: SIP/2.0/UDP evil.example",
                "realm", "carrier\r",
                "callerId", "+15550100\u0000",
                "codecs", List.of("PCMU", "PCMA\n"),
                "allowedSources", List.of("192.0.2.1\t"));
        bad.forEach((field, value) -> {
            Map<String, Object> trunk = trunk("inject-" + field.toLowerCase());
            trunk.put(field, value);
            admin.post().uri("/api/admin/trunks").bodyValue(trunk).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                            .as(field).contains(field).contains("control character"));
            admin.get().uri("/api/admin/trunks/" + trunk.get("id")).exchange().expectStatus().isNotFound();
        });

        Map<String, Object> good = trunk("inject-update");
        good.put("enabled", false);
        admin.post().uri("/api/admin/trunks").bodyValue(good).exchange().expectStatus().isCreated();
        good.put("host", "192.0.2.10\r\nX-Injected: 1");
        admin.put().uri("/api/admin/trunks/inject-update").bodyValue(good).exchange().expectStatus().isBadRequest();
        admin.get().uri("/api/admin/trunks/inject-update").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.host").isEqualTo("192.0.2.10");
        admin.delete().uri("/api/admin/trunks/inject-update").exchange().expectStatus().isNoContent();
    }

    static Map<String, Object> trunk(String id) {
        return new HashMap<>(Map.of("id", id, "host", "192.0.2.10", "port", 5060, "username", "earpiece",
                "enabled", false));
    }
}
