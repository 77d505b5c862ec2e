package io.earpiece.console.api;

import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Card accept rates per rep: cards count for the users whose SIP identity (SIP user, username, extension) is on
 * the call; admins see everyone, managers their team, reps themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47650", "earpiece.rtp.port-max=47699",
        "earpiece.data-dir=target/it-data/rep-card-stats", TestAuth.ADMIN_PASSWORD_PROPERTY,
        "spring.datasource.url=jdbc:h2:mem:repcardstats;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepCardStatsIT {

    static final String PASSWORD = "it-user-secret-1";

    @LocalServerPort
    int port;
    @Autowired
    CallRepository calls;
    @Autowired
    CardRepository cards;

    WebTestClient admin() {
        return TestAuth.as(port, TestAuth.adminToken(port));
    }

    void user(String username, String role, String team, String sipUser, String extension) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role,
                "team", team));
        if (sipUser != null) {
            body.put("sipUser", sipUser);
        }
        if (extension != null) {
            body.put("extension", extension);
        }
        admin().post().uri("/api/admin/users").bodyValue(body).exchange().expectStatus().isCreated();
    }

    void call(String id, String from, String to, String... feedback) {
        calls.save(new CallEntity(id, "conv-" + id, from, to, Instant.now()));
        int i = 0;
        for (String f : feedback) {
            CardEntity card = cards.save(new CardEntity(id, "card-" + i, "Title", "Body", 1, i, "objection:price",
                    Instant.now()));
            if (!f.equals("shown")) {
                card.react(f, Instant.now());
                cards.save(card);
            }
            i++;
        }
    }

    @BeforeAll
    void calls() {
        user("nina", "MANAGER", "north", null, null);
        user("rob", "REP", "north", "rob-desk", null);
        user("rae", "REP", "north", null, "2001");
        user("sam", "REP", "south", null, null);
        call("rob-1", "sip:rob-desk@pbx.example", "sip:+15550100@trunk.example", "used", "used", "dismissed", "shown");
        call("rae-1", "tel:+15550111", "tel:2001", "used", "shown");
        call("rae-2", "sip:2001@pbx.example", "sip:+15550112@trunk.example", "dismissed");
        call("sam-1", "sip:sam@pbx.example", "sip:+15550113@trunk.example", "used");
        // The username does not count for a rep whose SIP user is set: this is nobody's call.
        call("nobody-1", "sip:rob@pbx.example", "sip:+15550114@trunk.example", "used");
    }

    Map<String, Map<String, Object>> byUser(WebTestClient client, String uri) {
        List<Map<String, Object>> rows = client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get("username"), r -> r));
    }

    @Test
    void adminsSeeEveryRepsAcceptRate() {
        Map<String, Map<String, Object>> all = byUser(admin(), "/api/cards/stats?by=rep");

        assertThat(all).containsKeys("admin", "nina", "rob", "rae", "sam");
        assertThat(all.get("rob")).containsEntry("shown", 4).containsEntry("used", 2).containsEntry("dismissed", 1)
                .containsEntry("acceptRate", 0.5).containsEntry("team", "north");
        assertThat(all.get("rae")).containsEntry("shown", 3).containsEntry("used", 1).containsEntry("dismissed", 1);
        assertThat((Double) all.get("rae").get("acceptRate")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get("sam")).containsEntry("shown", 1).containsEntry("acceptRate", 1.0)
                .containsEntry("team", "south");
        assertThat(all.get("nina")).containsEntry("shown", 0).containsEntry("acceptRate", 0.0);
        assertThat(byUser(admin(), "/api/cards/stats/reps")).isEqualTo(all);
    }

    @Test
    void managersSeeTheirTeamAndRepsThemselves() {
        WebTestClient nina = TestAuth.as(port, TestAuth.token(port, "nina", PASSWORD));
        assertThat(byUser(nina, "/api/cards/stats?by=rep")).containsOnlyKeys("nina", "rob", "rae");

        WebTestClient rob = TestAuth.as(port, TestAuth.token(port, "rob", PASSWORD));
        assertThat(byUser(rob, "/api/cards/stats?by=rep")).containsOnlyKeys("rob");

        admin().get().uri("/api/cards/stats?by=colour").exchange().expectStatus().isBadRequest();
        admin().get().uri("/api/cards/stats").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.cardKey == 'card-0')].shown").isEqualTo(5);
    }
}
