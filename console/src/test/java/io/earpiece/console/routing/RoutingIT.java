package io.earpiece.console.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.earpiece.console.summary.CallSummaries;
import io.earpiece.console.testing.ReportTestServer;
import io.earpiece.console.testing.SlackStub;
import io.earpiece.console.testing.SmtpServer;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.console.testing.WebhookReceiver;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing and escalation end to end: a team's manager stores rules over HTTP; a support call whose summary is
 * stored (by the one path every call's summary takes) and meets the escalation rule reaches the team lead by
 * e-mail (GreenMail), a Slack incoming webhook (a stub that checks the request as Slack documents it) and a signed
 * webhook, each once, through the export outbox; the call page's API lists each entry delivered, with the rule
 * and the values that matched. A call meeting no rule sends nothing; another rep, or another team's manager, gets
 * 404 for the call's routing as for the call; rule sets are refused with the field at fault.
 */
@ReportTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingIT {

    static final String TEAM = "routing-support";
    static final String ESCALATED = "routing-escalated";
    static final String QUIET = "routing-quiet";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext spring;

    SlackStub slack;
    WebhookReceiver webhook;

    @BeforeAll
    void aTeamWithALeadAndRules() throws Exception {
        SmtpServer.running();
        slack = SlackStub.start();
        webhook = new WebhookReceiver(ReportTestServer.WEBHOOK_SECRET, 0);
        TestAuth.user(port, "lena", "MANAGER", TEAM, null, null);
        TestAuth.user(port, "sam", "REP", TEAM, "sam", null);
        TestAuth.user(port, "tara", "REP", "routing-sales", "tara", null);
        TestAuth.user(port, "mona", "MANAGER", "routing-sales", null, null);
        admin().put().uri("/api/admin/users/lena/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "Lena Lead <lena@support.example>")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("lena@support.example");
        TestAuth.asUser(port, "lena").put().uri("/api/admin/teams/{team}/routing-rules", TEAM)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rules", List.of(
                        Map.of("name", "Cancellation risk", "escalation", true,
                                "when", Map.of("callTypes", List.of("Support"), "phrases", List.of("cancel my account")),
                                "recipients", List.of(Map.of("kind", "team-lead"),
                                        Map.of("kind", "slack", "url", slack.url()),
                                        Map.of("kind", "webhook", "url", webhook.url())),
                                "assignActionItemsTo", "lena"),
                        Map.of("name", "Big sales deal", "when", Map.of("callTypes", List.of("sales"),
                                        "minPriority", "high", "phrases", List.of("five hundred seats")),
                                "recipients", List.of(Map.of("kind", "email", "to", "deals@support.example"))))))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rules[0].when.callTypes[0]").isEqualTo("support")
                .jsonPath("$.rules[1].name").isEqualTo("Big sales deal");
    }

    @AfterAll
    void stopStubs() {
        slack.close();
        webhook.close();
    }

    @Test
    void anEscalatedSupportCallReachesItsLeadSlackAndTheWebhookOnceEach() throws Exception {
        call(ESCALATED, List.of(
                "Support desk, I am sorry to hear about the problem.",
                "The billing export failed again and we were charged twice. Honestly, I want to CANCEL my account!",
                "I am sorry about that. I will fix the billing issue and send you the refund by Friday."));
        // what live assist tagged: the rep's commitment, which the summary makes an action item
        spring.getBean(InsightRepository.class).save(new InsightEntity(ESCALATED, 2, "rep",
                "action:rep:Send the refund:friday", "", Instant.parse("2026-12-01T09:00:10Z")));
        assertThat(spring.getBean(CallSummaries.class).summarise(ESCALATED)).isTrue();

        MimeMessage mail = SmtpServer.awaitMessage(m -> to(m, "lena@support.example") && subject(m).contains(ESCALATED),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("the team lead got no e-mail"));
        assertThat(subject(mail)).isEqualTo("Escalation: Cancellation risk (support call " + ESCALATED + ")");
        String body = ((String) mail.getContent()).replace("\r\n", "\n").strip();
        assertThat(body).startsWith("Escalation: Cancellation risk\n"
                        + "Why: call type support; said \"cancel my account\"\n")
                .contains("Call " + ESCALATED + " of team " + TEAM)
                .contains("Action items (assigned to lena):\n- Send the refund (rep, due 2026-12-04)")
                .endsWith("Open the call: http://console.test/#/calls/" + ESCALATED);

        List<Map<String, Object>> entries = awaitRouting("sam", ESCALATED, e -> e.size() == 4 && e.stream()
                .filter(r -> !r.get("channel").equals("assign")).allMatch(r -> r.get("status").equals("delivered")));
        assertThat(entries).extracting(r -> r.get("channel"))
                .containsExactly("assign", "email", "slack", "webhook");
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.get("rule")).isEqualTo("Cancellation risk");
            assertThat(r.get("escalation")).isEqualTo(true);
            assertThat(r.get("reason")).isEqualTo("call type support; said \"cancel my account\"");
            assertThat(r.get("matched")).isEqualTo(Map.of("callType", "support", "phrases",
                    List.of("cancel my account")));
        });
        assertThat(entries.get(0).get("status")).isEqualTo("assigned");
        assertThat((String) entries.get(0).get("detail")).endsWith("assigned to lena");
        assertThat(entries.get(1).get("recipient")).isEqualTo("team lead lena <lena@support.example>");
        assertThat((String) entries.get(2).get("recipient")).startsWith("Slack 127.0.0.1/…")
                .doesNotContain(SlackStub.PATH);
        assertThat(spring.getBean(ActionItemRepository.class).findByCallIdOrderBySeqAsc(ESCALATED))
                .isNotEmpty().allSatisfy(a -> assertThat(a.getAssignee()).isEqualTo("lena"));
        TestAuth.asUser(port, "sam").get().uri("/api/calls/{id}/summary", ESCALATED).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.actionItems[0].assignee").isEqualTo("lena");

        assertThat(slack.refusals()).isEmpty();
        List<JsonNode> posts = slack.messages().stream().filter(m -> m.get("text").asText().contains(ESCALATED))
                .toList();
        assertThat(posts).hasSize(1);
        JsonNode posted = posts.get(0);
        assertThat(posted.get("text").asText())
                .isEqualTo("Escalation: Cancellation risk (support call " + ESCALATED + "): call type support; "
                        + "said \"cancel my account\"");
        assertThat(posted.get("blocks").get(0).get("text").get("text").asText())
                .contains("http://console.test/#/calls/" + ESCALATED);

        List<WebhookReceiver.Received> hooks = webhook.requests.stream()
                .filter(r -> r.body().path("call").path("id").asText().equals(ESCALATED)).toList();
        assertThat(hooks).hasSize(1).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        JsonNode event = hooks.get(0).body();
        assertThat(event.get("event").asText()).isEqualTo("call.escalated");
        assertThat(event.get("rule").asText()).isEqualTo("Cancellation risk");
        assertThat(event.get("reason").asText()).isEqualTo("call type support; said \"cancel my account\"");
        assertThat(event.get("call").get("id").asText()).isEqualTo(ESCALATED);

        long mails = Arrays.stream(SmtpServer.running().getReceivedMessages())
                .filter(m -> subject(m).contains(ESCALATED)).count();
        assertThat(mails).as("one e-mail, to the one lead").isEqualTo(1);
    }

    @Test
    void aCallMeetingNoRuleSendsNothing() throws Exception {
        call(QUIET, List.of("Thanks for joining the demo.",
                "The pricing looks fine, can you send the proposal for the annual plan?",
                "Sure, the quote follows this week."));
        int slackBefore = slack.messages().size();
        assertThat(spring.getBean(CallSummaries.class).summarise(QUIET)).isTrue();
        TestAuth.asUser(port, "sam").get().uri("/api/calls/{id}/routing", QUIET).exchange().expectStatus().isOk()
                .expectBody().json("[]");
        // routing queues in the summary's transaction: no job now means none ever
        assertThat(spring.getBean(OutboxJobRepository.class).findByCallIdOrderByExporterAsc(QUIET))
                .noneMatch(j -> j.getExporter().startsWith(CallRouter.TARGET_PREFIX));
        assertThat(slack.messages()).hasSize(slackBefore);
        assertThat(SmtpServer.running().getReceivedMessages()).noneMatch(m -> subject(m).contains(QUIET));
    }

    @Test
    void routingIsScopedLikeTheCall() throws Exception {
        call("routing-scoped", List.of("Hello, support here.", "Please help, the export keeps failing."));
        spring.getBean(CallSummaries.class).summarise("routing-scoped");
        TestAuth.asUser(port, "sam").get().uri("/api/calls/{id}/routing", "routing-scoped").exchange()
                .expectStatus().isOk();
        TestAuth.asUser(port, "lena").get().uri("/api/calls/{id}/routing", "routing-scoped").exchange()
                .expectStatus().isOk();
        TestAuth.asUser(port, "tara").get().uri("/api/calls/{id}/routing", "routing-scoped").exchange()
                .expectStatus().isNotFound();
        TestAuth.asUser(port, "mona").get().uri("/api/calls/{id}/routing", "routing-scoped").exchange()
                .expectStatus().isNotFound();
        TestAuth.asUser(port, "tara").get().uri("/api/calls/{id}", "routing-scoped").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void rulesAreForAdminsAndTheTeamsManagersAndRefusedWithTheFieldAtFault() {
        String path = "/api/admin/teams/{team}/routing-rules";
        admin().get().uri(path, TEAM).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rules[0].name").isEqualTo("Cancellation risk")
                .jsonPath("$.rules[0].recipients[0].kind").isEqualTo("team-lead");
        TestAuth.asUser(port, "sam").get().uri(path, TEAM).exchange().expectStatus().isForbidden();
        TestAuth.asUser(port, "mona").get().uri(path, TEAM).exchange().expectStatus().isForbidden();
        TestAuth.asUser(port, "mona").put().uri(path, TEAM).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of())).exchange().expectStatus().isForbidden();
        admin().get().uri(path, "no-such-team").exchange().expectStatus().isNotFound();
        TestAuth.asUser(port, "mona").put().uri(path, "routing-sales").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("name", "Unhappy", "when", Map.of("sentiments",
                        List.of("negative")), "recipients", List.of(Map.of("kind", "email", "to", "not an address"))))))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.message").isEqualTo("\"not an address\" is not an e-mail address")
                .jsonPath("$.field").isEqualTo("rules[0].recipients[0].to");
        TestAuth.asUser(port, "mona").put().uri(path, "routing-sales").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"rules\": [").exchange().expectStatus().isBadRequest();
        TestAuth.asUser(port, "mona").get().uri(path, "routing-sales").exchange().expectStatus().isOk()
                .expectBody().json("{\"rules\": []}");
        admin().put().uri("/api/admin/users/mona/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "mona@")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("email: \"mona@\" is not an e-mail address");
    }

    WebTestClient admin() {
        return TestAuth.as(port, TestAuth.adminToken(port));
    }

    /** A finished call of sam's, its lines said by rep and customer in turn. */
    void call(String id, List<String> lines) {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        spring.getBean(CallRepository.class).save(new CallEntity(id, "conv-" + id, "sip:sam@pbx.example",
                "sip:+15550142@carrier", start));
        TranscriptSegmentRepository segments = spring.getBean(TranscriptSegmentRepository.class);
        for (int i = 0; i < lines.size(); i++) {
            segments.save(new TranscriptSegmentEntity(id, i % 2 == 0 ? "rep" : "customer", i / 2, i * 4000L,
                    i * 4000L + 3500, lines.get(i), start.plusSeconds(i * 4L)));
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> awaitRouting(String user, String callId, Predicate<List<Map<String, Object>>> done)
            throws InterruptedException {
        Instant end = Instant.now().plusSeconds(60);
        List<Map<String, Object>> entries;
        do {
            entries = TestAuth.asUser(port, user).get().uri("/api/calls/{id}/routing", callId).exchange()
                    .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
            if (done.test(entries)) {
                return entries;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(end));
        throw new AssertionError("routing of " + callId + " did not settle: " + entries);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    static boolean to(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }
}
