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
                            .as(field).contains(field).contains("control character"))
                    .jsonPath("$.field").isEqualTo(field);
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

    @Test
    void tlsSettingsAreCheckedWhenSavedAndShown() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> overTls = trunk("tls-unheard");
        overTls.put("transport", "tls");
        admin.post().uri("/api/admin/trunks").bodyValue(overTls).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("Earpiece does not listen on tls").contains("earpiece.sip.tls.enabled"))
                .jsonPath("$.field").isEqualTo("transport");

        Map<String, Object> badPin = trunk("tls-bad-pin");
        badPin.put("tls", Map.of("serverPin", "12:34"));
        admin.post().uri("/api/admin/trunks").bodyValue(badPin).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("tls: pinned certificate is not a SHA-256 fingerprint"))
                .jsonPath("$.field").isEqualTo("tls.serverPin");
        Map<String, Object> missingCa = trunk("tls-missing-ca");
        missingCa.put("tls", Map.of("trustedCa", "/nonexistent/carrier-ca.pem"));
        admin.post().uri("/api/admin/trunks").bodyValue(missingCa).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("/nonexistent/carrier-ca.pem"))
                .jsonPath("$.field").isEqualTo("tls.trustedCa");
        Map<String, Object> keyless = trunk("tls-keyless");
        keyless.put("tls", Map.of("clientCertificate", "/etc/earpiece/client.pem"));
        admin.post().uri("/api/admin/trunks").bodyValue(keyless).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("both a client certificate and its private key"))
                .jsonPath("$.field").isEqualTo("tls.clientKey");

        String pin = "AB:".repeat(31) + "AB";
        Map<String, Object> pinned = trunk("tls-pinned");
        pinned.put("tls", Map.of("serverPin", pin));
        admin.post().uri("/api/admin/trunks").bodyValue(pinned).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.tls.serverPin").isEqualTo(pin).jsonPath("$.transport").isEqualTo("udp");
        pinned.remove("tls");
        admin.put().uri("/api/admin/trunks/tls-pinned").bodyValue(pinned).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tls.serverPin").isEqualTo(pin);
        admin.delete().uri("/api/admin/trunks/tls-pinned").exchange().expectStatus().isNoContent();
    }

    @Test
    void routePatternsAndPriorityAreCheckedStoredAndKeptWhenOmitted() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> badPattern = trunk("route-bad");
        badPattern.put("routePatterns", List.of("+49", "+49 30"));
        admin.post().uri("/api/admin/trunks").bodyValue(badPattern).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("'+49 30'"))
                .jsonPath("$.field").isEqualTo("routePatterns");
        Map<String, Object> badPriority = trunk("route-bad");
        badPriority.put("routePriority", -1);
        admin.post().uri("/api/admin/trunks").bodyValue(badPriority).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("routePriority"))
                .jsonPath("$.field").isEqualTo("routePriority");
        admin.get().uri("/api/admin/trunks/route-bad").exchange().expectStatus().isNotFound();

        Map<String, Object> germany = trunk("route-de");
        germany.put("routePatterns", List.of("+49", "0049"));
        germany.put("routePriority", 10);
        admin.post().uri("/api/admin/trunks").bodyValue(germany).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.routePatterns[1]").isEqualTo("0049").jsonPath("$.routePriority")
                .isEqualTo(10);
        germany.remove("routePatterns");
        germany.remove("routePriority");
        admin.put().uri("/api/admin/trunks/route-de").bodyValue(germany).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.routePatterns.length()").isEqualTo(2).jsonPath("$.routePriority")
                .isEqualTo(10);
        admin.post().uri("/api/admin/trunks").bodyValue(trunk("route-any")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.routePatterns.length()").isEqualTo(0).jsonPath("$.routePriority")
                .isEqualTo(100);
        admin.delete().uri("/api/admin/trunks/route-de").exchange().expectStatus().isNoContent();
        admin.delete().uri("/api/admin/trunks/route-any").exchange().expectStatus().isNoContent();
    }

    static Map<String, Object> trunk(String id) {
        return new HashMap<>(Map.of("id", id, "host", "192.0.2.10", "port", 5060, "username", "earpiece",
                "enabled", false));
    }
}
