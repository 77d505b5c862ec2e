package io.earpiece.console.telephony;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API sets SRTP per trunk and per SIP user: off, optional (default) or mandatory; anything else is 400. */
@SharedTestServer
class SrtpPolicyAdminIT {

    @LocalServerPort
    int port;

    @Test
    void trunksTakeAPolicyKeepItOnUpdateAndRefuseUnknownOnes() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> trunk = TrunkAdminInputIT.trunk("srtp-trunk");
        trunk.put("srtp", "sometimes");
        admin.post().uri("/api/admin/trunks").bodyValue(trunk).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("srtp")
                        .contains("off, optional or mandatory"));
        admin.get().uri("/api/admin/trunks/srtp-trunk").exchange().expectStatus().isNotFound();

        trunk.put("srtp", "Mandatory");
        admin.post().uri("/api/admin/trunks").bodyValue(trunk).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.srtp").isEqualTo("mandatory");
        trunk.remove("srtp");
        trunk.put("host", "192.0.2.11");
        admin.put().uri("/api/admin/trunks/srtp-trunk").bodyValue(trunk).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.srtp").isEqualTo("mandatory");
        admin.delete().uri("/api/admin/trunks/srtp-trunk").exchange().expectStatus().isNoContent();

        Map<String, Object> plain = TrunkAdminInputIT.trunk("srtp-default");
        admin.post().uri("/api/admin/trunks").bodyValue(plain).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.srtp").isEqualTo("optional");
        admin.delete().uri("/api/admin/trunks/srtp-default").exchange().expectStatus().isNoContent();
    }

    @Test
    void sipUsersTakeAPolicyAndCanChangeItWithoutANewPassword() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> user = new HashMap<>(Map.of("username", "srtp-rep", "password", "long-enough-1",
                "srtp", "off"));
        admin.post().uri("/api/admin/sip-users").bodyValue(user).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.srtp").isEqualTo("off");
        admin.put().uri("/api/admin/sip-users/srtp-rep").bodyValue(Map.of("srtp", "mandatory")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.srtp").isEqualTo("mandatory");
        admin.put().uri("/api/admin/sip-users/srtp-rep").bodyValue(Map.of("srtp", "always")).exchange()
                .expectStatus().isBadRequest();
        admin.put().uri("/api/admin/sip-users/srtp-rep").bodyValue(Map.of()).exchange().expectStatus()
                .isBadRequest();
        admin.get().uri("/api/admin/sip-users/srtp-rep").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.srtp").isEqualTo("mandatory");
        admin.delete().uri("/api/admin/sip-users/srtp-rep").exchange().expectStatus().isNoContent();
    }
}
