package io.earpiece.console.audit;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin actions (a user's team and lines among them) and sign-ins land in the audit log with who, what, on what and from where; only admins read it,
 * paged; a refused action leaves no entry. Names are this class's own, as the shared server has other tests' data.
 */
@SharedTestServer
class AuditLogIT {

    @LocalServerPort
    int port;

    @Test
    void adminActionsAndSignInsAreAuditedAndOnlyAdminsReadThem() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        admin.post().uri("/api/admin/users").bodyValue(Map.of("username", "audit.rep", "password",
                TestAuth.USER_PASSWORD, "role", "REP", "team", "audit-team")).exchange().expectStatus().isCreated();
        admin.put().uri("/api/admin/users/audit.rep/role").bodyValue(Map.of("role", "MANAGER"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("MANAGER");
        admin.put().uri("/api/admin/users/audit.rep/role").bodyValue(Map.of("role", "OWNER"))
                .exchange().expectStatus().isBadRequest();
        admin.put().uri("/api/admin/users/audit.rep/assignment")
                .bodyValue(Map.of("team", "audit-team-2", "sipUser", "audit.sip", "extension", "7001"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.team").isEqualTo("audit-team-2").jsonPath("$.sipUser").isEqualTo("audit.sip")
                .jsonPath("$.extension").isEqualTo("7001");
        admin.put().uri("/api/admin/users/audit.rep/assignment").bodyValue(Map.of("sipUser", "not a sip user!"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                .isEqualTo("sipUser must be a SIP user part (letters, digits, '.', '_', '+', '*', '#', '-')");
        admin.put().uri("/api/admin/users/no.such.user/assignment").bodyValue(Map.of("team", "x"))
                .exchange().expectStatus().isNotFound();
        admin.put().uri("/api/admin/users/audit.rep/enabled").bodyValue(Map.of("enabled", false))
                .exchange().expectStatus().isOk();
        admin.put().uri("/api/admin/users/audit.rep/enabled").bodyValue(Map.of("enabled", true))
                .exchange().expectStatus().isOk();

        Map<String, Object> trunk = new HashMap<>(Map.of("id", "audit-trunk", "host", "192.0.2.30", "port", 5060,
                "username", "earpiece", "enabled", false));
        admin.post().uri("/api/admin/trunks").bodyValue(trunk).exchange().expectStatus().isCreated();
        trunk.put("host", "192.0.2.31");
        admin.put().uri("/api/admin/trunks/audit-trunk").bodyValue(trunk).exchange().expectStatus().isOk();
        admin.delete().uri("/api/admin/trunks/audit-trunk").exchange().expectStatus().isNoContent();

        String playbook = admin.get().uri("/api/playbooks/default").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("body").toString();
        admin.put().uri("/api/playbooks/audit-team").contentType(MediaType.valueOf("application/yaml"))
                .bodyValue(playbook).exchange().expectStatus().is2xxSuccessful();
        admin.post().uri("/api/exports/audit-no-such-job/replay").exchange().expectStatus().isNotFound();

        TestAuth.anonymous(port).post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "audit.rep", "password", "not-the-password"))
                .exchange().expectStatus().isUnauthorized();
        TestAuth.token(port, "audit.rep", TestAuth.USER_PASSWORD);
        admin.delete().uri("/api/admin/users/audit.rep").exchange().expectStatus().isNoContent();

        List<Map<String, Object>> mine = entries(admin, "/api/audit?size=500").stream()
                .filter(e -> List.of("audit.rep", "audit-trunk", "audit-team", "audit-no-such-job")
                        .contains(e.get("target"))).toList();
        assertThat(mine).extracting(e -> e.get("action")).containsExactly(
                "user.delete", "login.success", "login.failure", "playbook.edit", "trunk.delete", "trunk.update",
                "trunk.create", "user.enable", "user.disable", "user.assign", "user.role", "user.create");
        assertThat(mine).filteredOn(e -> !e.get("action").toString().startsWith("login."))
                .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("admin"));
        assertThat(mine).filteredOn(e -> e.get("action").toString().startsWith("login."))
                .allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("audit.rep"));
        assertThat(mine).allSatisfy(e -> assertThat(e.get("source")).isEqualTo("127.0.0.1"));
        assertThat(mine).filteredOn(e -> e.get("action").equals("user.role")).singleElement()
                .satisfies(e -> assertThat(e.get("detail")).isEqualTo("role MANAGER"));
        assertThat(mine).filteredOn(e -> e.get("action").equals("trunk.update")).singleElement()
                .satisfies(e -> assertThat(e.get("detail")).isEqualTo("host 192.0.2.31:5060, user earpiece"));

        List<Map<String, Object>> failures = entries(admin, "/api/audit?action=login.failure&size=500");
        assertThat(failures).extracting(e -> e.get("actor")).contains("audit.rep");
        assertThat(failures).extracting(e -> e.get("action")).containsOnly("login.failure");

        List<Map<String, Object>> first = entries(admin, "/api/audit?size=2");
        List<Map<String, Object>> second = entries(admin, "/api/audit?size=2&page=1");
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat((Number) first.get(1).get("id")).satisfies(id -> assertThat(id.longValue())
                .isGreaterThan(((Number) second.get(0).get("id")).longValue()));
        admin.get().uri("/api/audit?size=0").exchange().expectStatus().isBadRequest();
        admin.get().uri("/api/audit?page=-1").exchange().expectStatus().isBadRequest();

        TestAuth.user(port, "audit.manager", "MANAGER", "audit-team", null, null);
        TestAuth.asUser(port, "audit.manager").get().uri("/api/audit").exchange().expectStatus().isForbidden();
        TestAuth.anonymous(port).get().uri("/api/audit").exchange().expectStatus().isUnauthorized();
    }

    private static List<Map<String, Object>> entries(WebTestClient admin, String uri) {
        return admin.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }
}
