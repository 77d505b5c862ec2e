package io.earpiece.console.web;

import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin's playbook editor in a real browser (driven by {@code console/web/e2e/admin-playbook.mjs}, at 1440x900 and
 * 390x844): the form's and the server's refusals are shown at the field and store nothing; a new trigger with its card
 * becomes version 2, by the admin; restoring version 1 stores its text again as version 3; a team on the default
 * playbook gets its own version 1; a knowledge-base document added in the form is stored with its source. A user created in the form (role, new team) is
 * stored and can be disabled from their row. A manager's Admin tab shows only the
 * sections a manager may use (playbooks, knowledge base, routing, card stats), each readable; axe-core checks the pages.
 * The admin forms ({@code admin-forms.mjs}, at 1440x900 and 390x844): a team created, a SIP user added and its
 * password reset, a user created in the team, made a manager and put on the SIP user from their row, a number routed to
 * the SIP user and another routed then deleted, a trunk added with its registration shown in words and then edited,
 * a spare trunk deleted; all stored.
 * "Invite Earpiece to a meeting" ({@code meeting-form.mjs}): what is missing is said before sending, and an
 * invitation without a dial-in or a malformed number shows the server's reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47900", "earpiece.rtp.port-max=47949",
        "earpiece.data-dir=target/it-data/admin-browser",
        // the trunk form stores a password, which is sealed with this test-only key
        "earpiece.secret-key=a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s=",
        "spring.datasource.url=jdbc:h2:mem:adminbrowser;DB_CLOSE_DELAY=-1"})
class AdminBrowserIT {

    static final Pattern VERSION = Pattern.compile("^VERSION=(\\d+)$", Pattern.MULTILINE);
    static final Pattern RESTORED = Pattern.compile("^RESTORED=(\\d+)$", Pattern.MULTILINE);
    static final Pattern KB_SLUG = Pattern.compile("^KB_SLUG=(\\S+)$", Pattern.MULTILINE);

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() {
        String why = BrowserScript.unavailable();
        assumeTrue(why == null, "SKIPPED AdminBrowserIT: " + why);
    }

    @Test
    void theMeetingFormSaysWhatIsMissingAndShowsTheServersRefusals() throws Exception {
        BrowserScript.Result run = asAdmin("meeting-form.mjs", Duration.ofMinutes(2), Map.of());
        assertThat(run.output()).contains("meeting form: all checks passed");
    }

    @Test
    void adminEditsThePlaybookInTheBrowser() throws Exception {
        TestAuth.user(port, "browser-manager", "MANAGER", null, null, null);
        // a team with no playbook of its own, for "New playbook for pb-team"
        TestAuth.user(port, "pb-rep", "REP", "pb-team", null, null);
        BrowserScript.Result run = runAsAdmin("admin-playbook.mjs", Duration.ofMinutes(4), Map.of(
                "MANAGER_USERNAME", "browser-manager", "MANAGER_PASSWORD", TestAuth.USER_PASSWORD,
                "PLAYBOOK_TEAM", "pb-team"));
        String out = run.output();
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", out).isZero();
        Matcher m = VERSION.matcher(out);
        assertThat(m.find()).as("script reports the saved version").isTrue();

        var admin = TestAuth.as(port, TestAuth.adminToken(port));
        List<Map<String, Object>> versions = admin.get().uri("/api/playbooks/default/versions").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(versions).as("the refused texts stored nothing; the edit and the restore are one version each")
                .hasSize(3);
        assertThat(versions.get(1)).containsEntry("version", Integer.parseInt(m.group(1)))
                .containsEntry("author", TestAuth.ADMIN);
        Matcher restored = RESTORED.matcher(out);
        assertThat(restored.find()).as("script reports the restored version").isTrue();
        assertThat(versions.get(0)).containsEntry("version", Integer.parseInt(restored.group(1)));
        var body = new ParameterizedTypeReference<Map<String, Object>>() { };
        Map<String, Object> edited = admin.get().uri("/api/playbooks/default/versions/" + m.group(1)).exchange()
                .expectStatus().isOk().expectBody(body).returnResult().getResponseBody();
        assertThat((String) edited.get("body")).contains("objection:budget-freeze", "Budget freeze");
        Map<String, Object> first = admin.get().uri("/api/playbooks/default/versions/1").exchange().expectStatus().isOk()
                .expectBody(body).returnResult().getResponseBody();
        Map<String, Object> current = admin.get().uri("/api/playbooks/default").exchange().expectStatus().isOk()
                .expectBody(body).returnResult().getResponseBody();
        assertThat(current.get("body")).as("restored: version 1's text, comments and all").isEqualTo(first.get("body"));
        Map<String, Object> team = admin.get().uri("/api/playbooks/pb-team").exchange().expectStatus().isOk()
                .expectBody(body).returnResult().getResponseBody();
        assertThat(team).containsEntry("team", "pb-team").containsEntry("version", 1).containsEntry("inherited", false);
        assertThat((String) team.get("body")).contains("objection:price");
        List<Map<String, Object>> users = admin.get().uri("/api/admin/users").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        assertThat(users).as("the user made in the form, then disabled from their row").anySatisfy(u ->
                assertThat(u).containsEntry("username", "browser-rep").containsEntry("role", "REP")
                        .containsEntry("team", "north").containsEntry("enabled", false));
        Matcher kb = KB_SLUG.matcher(out);
        assertThat(kb.find()).as("script reports the document it added").isTrue();
        List<Map<String, Object>> docs = admin.get().uri("/api/knowledge").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        assertThat(docs).anySatisfy(d -> {
            assertThat(d).containsEntry("slug", kb.group(1)).containsEntry("title", "Payment terms for invoices")
                    .containsEntry("source", "https://docs.example.test/billing/terms");
            assertThat(d).containsEntry("author", TestAuth.ADMIN);
        });
    }

    @Test
    void adminCreatesTeamsUsersAndTrunksInTheForms() throws Exception {
        asAdmin("admin-forms.mjs", Duration.ofMinutes(4), Map.of());

        var admin = TestAuth.as(port, TestAuth.adminToken(port));
        List<Map<String, Object>> teams = admin.get().uri("/api/admin/teams").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        List<Map<String, Object>> users = admin.get().uri("/api/admin/users").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        List<Map<String, Object>> trunks = admin.get().uri("/api/admin/trunks").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        List<Map<String, Object>> sipUsers = admin.get().uri("/api/admin/sip-users").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        List<Map<String, Object>> routes = admin.get().uri("/api/admin/did-routes").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        for (String viewport : List.of("desktop", "phone")) {
            String n = viewport.equals("desktop") ? "1" : "2";
            assertThat(teams).extracting(t -> t.get("name")).contains("forms-" + viewport);
            assertThat(users).as("made in the form, then a manager on a SIP user from their row").anySatisfy(u ->
                    assertThat(u).containsEntry("username", "forms-user-" + viewport).containsEntry("role", "MANAGER")
                            .containsEntry("team", "forms-" + viewport).containsEntry("sipUser", "sip-" + viewport)
                            .containsEntry("extension", "70" + n));
            assertThat(sipUsers).as("added, then its password reset (a later update than its creation)").anySatisfy(u -> {
                assertThat(u).containsEntry("username", "sip-" + viewport);
                assertThat(java.time.Instant.parse((String) u.get("updatedAt")))
                        .isAfter(java.time.Instant.parse((String) u.get("createdAt")));
            });
            assertThat(routes).as("one route kept, the other deleted").anySatisfy(r -> assertThat(r)
                    .containsEntry("did", "+1555010" + n).containsEntry("rep", "sip-" + viewport))
                    .noneSatisfy(r -> assertThat(r).containsEntry("did", "+1555019" + n));
            assertThat(trunks).as("the spare trunk is deleted").noneSatisfy(t -> assertThat(t)
                    .containsEntry("id", "spare-" + viewport));
            assertThat(trunks).as("added, then edited").anySatisfy(t -> assertThat(t)
                    .containsEntry("id", "carrier-" + viewport).containsEntry("port", 5998)
                    .containsEntry("passwordSet", true));
        }
    }

    /** Runs {@code script} signed in as the admin against this server, with {@code extra} environment. */
    private BrowserScript.Result runAsAdmin(String script, Duration limit, Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "BASE_URL", "http://127.0.0.1:" + port,
                "OUT_DIR", Path.of("target/browser").toAbsolutePath().toString(),
                "E2E_USERNAME", TestAuth.ADMIN, "E2E_PASSWORD", TestAuth.ADMIN_PASSWORD));
        env.putAll(extra);
        return BrowserScript.run(script, env, limit);
    }

    /** {@link #runAsAdmin}, requiring the script to pass (its output is the failure's message). */
    private BrowserScript.Result asAdmin(String script, Duration limit, Map<String, String> extra) throws Exception {
        BrowserScript.Result run = runAsAdmin(script, limit, extra);
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", run.output()).isZero();
        return run;
    }
}
