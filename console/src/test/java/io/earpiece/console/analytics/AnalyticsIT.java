package io.earpiece.console.analytics;

import io.earpiece.console.testing.ReportTestServer;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' dashboard over HTTP: each figure on a small hand-made set of calls (calls per rep and week, talk
 * ratio and longest monologue, objections by kind and week, card accept rates, action items open and overdue),
 * scoped as call access is (a manager sees their team, an admin any team, a rep nothing), with bad periods refused;
 * then over 5,000 generated calls, whose query times it prints.
 */
@ReportTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT {

    /** A Monday, so the weeks are easy to read. */
    static final LocalDate W1 = LocalDate.of(2026, 10, 5);
    static final LocalDate W2 = W1.plusWeeks(1);
    static final String PERIOD = "from=" + W1 + "&to=" + W2.plusDays(6);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CallTalkRecorder talk;

    @BeforeAll
    void twoTeams() {
        TestAuth.user(port, "ana-rep1", "REP", "ana-red", "ana1", null);
        TestAuth.user(port, "ana-rep2", "REP", "ana-red", "ana2", null);
        TestAuth.user(port, "ana-mgr", "MANAGER", "ana-red", null, null);
        TestAuth.user(port, "ana-rep3", "REP", "ana-blue", "ana3", null);
        // rep1: three calls in week 1, one in week 2; rep2: one; rep3: two
        call("ana-a", "ana1", W1.plusDays(1));
        call("ana-b", "ana1", W1.plusDays(2));
        call("ana-c", "ana1", W1.plusDays(4));
        call("ana-d", "ana1", W2.plusDays(1));
        call("ana-e", "ana2", W2.plusDays(3));
        call("ana-f", "ana3", W1.plusDays(1));
        call("ana-g", "ana3", W2.plusDays(1));
        // ana-a: rep 0-1 s, rep 1-3 s (one run of 3 s), customer 3-4 s, rep 4-5 s: 4 s of 5 s is the rep's
        segment("ana-a", "rep", 0, 0, 1000);
        segment("ana-a", "rep", 1, 1000, 3000);
        segment("ana-a", "customer", 0, 3000, 4000);
        segment("ana-a", "rep", 2, 4000, 5000);
        segment("ana-e", "rep", 0, 0, 500);
        segment("ana-e", "customer", 0, 500, 2500);
        summary("ana-a", W1.plusDays(1));
        summary("ana-d", W2.plusDays(1));
        summary("ana-f", W1.plusDays(1));
        objection("ana-a", "price");
        objection("ana-d", "timing");
        objection("ana-f", "price");
        card("ana-a", "price-card", "used");
        card("ana-a", "price-card", "dismissed");
        card("ana-d", "timing-card", null);
        card("ana-f", "price-card", "used");
        // overdue (open, due before today), done, open without a date
        action("ana-a", 0, LocalDate.now(ZoneOffset.UTC).minusDays(3), false);
        action("ana-a", 1, LocalDate.now(ZoneOffset.UTC).minusDays(3), true);
        action("ana-d", 0, null, false);
        // the lines above were written directly, so their transcripts are made final here
        talk.record("ana-a");
        talk.record("ana-e");
    }

    @Test
    void theManagerSeesEachFigureOfTheirTeam() {
        Map<String, Object> view = dashboard(TestAuth.asUser(port, "ana-mgr"), PERIOD);
        assertThat(view.get("teams")).isEqualTo(List.of("ana-red"));
        assertThat(view.get("reps")).isEqualTo(List.of("ana-mgr", "ana-rep1", "ana-rep2"));
        Map<String, Object> d = map(view.get("dashboard"));
        assertThat(rows(d, "callsPerWeek")).containsExactlyInAnyOrder(
                Map.of("rep", "ana-rep1", "week", W1.toString(), "calls", 3),
                Map.of("rep", "ana-rep1", "week", W2.toString(), "calls", 1),
                Map.of("rep", "ana-rep2", "week", W2.toString(), "calls", 1));
        Map<String, Object> rep1 = byRep(rows(d, "talk"), "ana-rep1");
        assertThat(rep1).containsEntry("repMs", 4000).containsEntry("totalMs", 5000).containsEntry("talkRatio", 0.8)
                .containsEntry("longestMonologueMs", 3000);
        assertThat(byRep(rows(d, "talk"), "ana-rep2")).containsEntry("talkRatio", 0.2).containsEntry("longestMonologueMs", 500);
        assertThat(rows(d, "objections")).containsExactly(
                Map.of("week", W1.toString(), "kind", "price", "count", 1),
                Map.of("week", W2.toString(), "kind", "timing", "count", 1));
        assertThat(rows(d, "cardsPerRep")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("key", "ana-rep1").containsEntry("shown", 3).containsEntry("used", 1)
                .containsEntry("dismissed", 1));
        assertThat(rows(d, "cardsPerCard")).extracting(r -> r.get("key") + "=" + r.get("used") + "/" + r.get("shown"))
                .containsExactly("price-card=1/2", "timing-card=0/1");
        assertThat(rows(d, "actionItems")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("rep", "ana-rep1").containsEntry("open", 2).containsEntry("overdue", 1)
                .containsEntry("done", 1));
    }

    @Test
    void anAdminPicksAnyTeamAndARepHasNoDashboard() {
        WebTestClient admin = TestAuth.as(port, TestAuth.adminToken(port));
        Map<String, Object> blue = map(dashboard(admin, PERIOD + "&team=ana-blue").get("dashboard"));
        assertThat(rows(blue, "callsPerWeek")).extracting(r -> r.get("rep")).containsOnly("ana-rep3");
        assertThat(rows(blue, "objections")).containsExactly(Map.of("week", W1.toString(), "kind", "price", "count", 1));
        admin.get().uri("/api/analytics?team=no-such-team").exchange().expectStatus().isNotFound();
        TestAuth.asUser(port, "ana-mgr").get().uri("/api/analytics?team=ana-blue").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isEqualTo("managers see their own team only");
        TestAuth.asUser(port, "ana-rep1").get().uri("/api/analytics").exchange().expectStatus().isForbidden();
    }

    @Test
    void badPeriodsAreRefusedWithTheReason() {
        WebTestClient mgr = TestAuth.asUser(port, "ana-mgr");
        refused(mgr, "from=2026-10-10&to=2026-10-01", "from is after to");
        refused(mgr, "from=2026-13-01", "from and to must be dates such as 2026-11-02");
        refused(mgr, "from=2025-01-01&to=2026-10-01", "the period is longer than 366 days");
    }

    @Test
    void fiveThousandCallsOfOneTeam() {
        for (int r = 0; r < 10; r++) {
            TestAuth.user(port, "load-rep" + r, "REP", "ana-load", "loadrep" + r, null);
        }
        TestAuth.user(port, "load-mgr", "MANAGER", "ana-load", null, null);
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(360).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> segments = new ArrayList<>();
        List<Object[]> cards = new ArrayList<>();
        List<Object[]> summaries = new ArrayList<>();
        List<Object[]> objections = new ArrayList<>();
        List<Object[]> actions = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String id = "load-" + i;
            Timestamp at = Timestamp.from(start.plusSeconds(i * 6000L));
            calls.add(new Object[] {id, "conv-" + id, "sip:loadrep" + (i % 10) + "@pbx.example", "sip:+1555" + i + "@carrier", at});
            for (int s = 0; s < 6; s++) {
                segments.add(new Object[] {id, s % 2 == 0 ? "rep" : "customer", s / 2, s * 4000L, s * 4000L + 3500, "words", at});
            }
            cards.add(new Object[] {id, "card-" + (i % 7), "Card " + (i % 7), i % 3 == 0 ? "used" : i % 3 == 1 ? "dismissed" : null, at});
            summaries.add(new Object[] {id, Timestamp.from(start.plusSeconds(i * 6000L)).toLocalDateTime().toLocalDate(), at});
            objections.add(new Object[] {id, List.of("price", "timing", "competitor", "authority").get(i % 4)});
            actions.add(new Object[] {id, java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(i % 30 - 10))});
        }
        jdbc.batchUpdate("insert into calls (id, conversation_id, from_uri, to_uri, status, started_at, duration_ms)"
                + " values (?, ?, ?, ?, 'ENDED', ?, 24000)", calls);
        jdbc.batchUpdate("insert into transcript_segments (call_id, party, seg_index, start_ms, end_ms, text, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", segments);
        jdbc.batchUpdate("insert into call_cards (call_id, card_key, title, body, priority, utterance, shown_at, feedback)"
                + " values (?, ?, ?, 'body', 1, 1, ?, ?)", cards.stream().map(c -> new Object[] {c[0], c[1], c[2], c[4], c[3]}).toList());
        jdbc.batchUpdate("insert into call_summaries (call_id, call_date, call_type, priority, abstract_text, summary_text,"
                + " sentiment_label, sentiment_overall, sentiment_opening, sentiment_closing, engine, created_at)"
                + " values (?, ?, 'sales', 'low', 'a', 't', 'neutral', 0, 0, 0, 'offline', ?)", summaries);
        jdbc.batchUpdate("insert into summary_objections (call_id, seq, utterance, kind, said) values (?, 0, 1, ?, 'said')",
                objections);
        jdbc.batchUpdate("insert into summary_action_items (call_id, seq, utterance, owner, what, due_date)"
                + " values (?, 0, 1, 'rep', 'do it', ?)", actions);
        calls.forEach(c -> talk.record((String) c[0]));

        WebTestClient mgr = TestAuth.asUser(port, "load-mgr");
        String year = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(365) + "&to=" + LocalDate.now(ZoneOffset.UTC);
        dashboard(mgr, year); // warm-up
        List<Long> times = new ArrayList<>();
        Map<String, Object> view = null;
        for (int i = 0; i < 5; i++) {
            view = dashboard(mgr, year);
            times.add(((Number) view.get("queryMs")).longValue());
        }
        Map<String, Object> d = map(view.get("dashboard"));
        long counted = rows(d, "callsPerWeek").stream().mapToLong(r -> ((Number) r.get("calls")).longValue()).sum();
        assertThat(counted).isEqualTo(5000);
        assertThat(rows(d, "talk")).hasSize(10).allSatisfy(r -> assertThat(r).containsEntry("talkRatio", 0.5)
                .containsEntry("longestMonologueMs", 3500));
        assertThat(rows(d, "objections").stream().mapToLong(r -> ((Number) r.get("count")).longValue()).sum()).isEqualTo(5000);
        System.out.println("ANALYTICS_5000_CALLS_MS=" + times);
    }

    Map<String, Object> dashboard(WebTestClient client, String query) {
        return client.get().uri("/api/analytics?" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    static void refused(WebTestClient client, String query, String reason) {
        client.get().uri("/api/analytics?" + query).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo(reason);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> dashboard, String key) {
        return (List<Map<String, Object>>) dashboard.get(key);
    }

    static Map<String, Object> byRep(List<Map<String, Object>> rows, String rep) {
        return rows.stream().filter(r -> rep.equals(r.get("rep"))).findFirst().orElseThrow(() -> new AssertionError("no " + rep));
    }

    void call(String id, String sipUser, LocalDate day) {
        jdbc.update("insert into calls (id, conversation_id, from_uri, to_uri, status, started_at, duration_ms)"
                + " values (?, ?, ?, 'sip:+15550100@carrier', 'ENDED', ?, 60000)", id, "conv-" + id,
                "sip:" + sipUser + "@pbx.example", Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    }

    void segment(String call, String party, int index, long start, long end) {
        jdbc.update("insert into transcript_segments (call_id, party, seg_index, start_ms, end_ms, text, created_at)"
                + " values (?, ?, ?, ?, ?, 'words', current_timestamp)", call, party, index, start, end);
    }

    void summary(String call, LocalDate day) {
        jdbc.update("insert into call_summaries (call_id, call_date, call_type, priority, abstract_text, summary_text,"
                + " sentiment_label, sentiment_overall, sentiment_opening, sentiment_closing, engine, created_at)"
                + " values (?, ?, 'sales', 'low', 'a', 't', 'neutral', 0, 0, 0, 'offline', current_timestamp)", call,
                java.sql.Date.valueOf(day));
    }

    void objection(String call, String kind) {
        jdbc.update("insert into summary_objections (call_id, seq, utterance, kind, said) values (?, 0, 1, ?, 'said')",
                call, kind);
    }

    void card(String call, String key, String feedback) {
        jdbc.update("insert into call_cards (call_id, card_key, title, body, priority, utterance, shown_at, feedback)"
                + " values (?, ?, ?, 'body', 1, 1, current_timestamp, ?)", call, key, key, feedback);
    }

    void action(String call, int seq, LocalDate due, boolean done) {
        jdbc.update("insert into summary_action_items (call_id, seq, utterance, owner, what, due_date, done_at, done_by)"
                + " values (?, ?, 1, 'rep', 'do it', ?, ?, ?)", call, seq, due == null ? null : java.sql.Date.valueOf(due),
                done ? Timestamp.from(Instant.now()) : null, done ? "ana-rep1" : null);
    }
}
