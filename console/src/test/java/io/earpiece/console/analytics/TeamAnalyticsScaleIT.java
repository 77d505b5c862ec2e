package io.earpiece.console.analytics;

import io.earpiece.console.testing.PostgresServer;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's SQL figures over a year of generated calls — 5,000 of the measured team's and as many of another
 * team's, which scoping must leave out — equal what the old way ({@link ReferenceTeamAnalytics}: every call of the
 * period read, matched and added up in Java) gives, for a team, for everyone (as an admin sees it) and for one rep, on
 * H2 and on PostgreSQL (a server of the test's own; skipped where PostgreSQL is not installed). The calls vary as real
 * ones do: uploads with a named rep speaker, calls between two reps of the team, runs of rep lines, cards with and
 * without feedback, action items open, overdue and done. They are stored before V36, whose migration then works out
 * each call's talk figures as on an upgraded server (the reference reads the lines themselves). Each query's time is
 * printed and written to {@code target/bench/analytics.txt} (the last line the slowest), which {@code bench/analytics}
 * reports; the test itself checks results, not speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamAnalyticsScaleIT {

    static final int CALLS_PER_TEAM = 5000;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant FROM = TODAY.minusDays(365).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant TO = TODAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    final Map<String, Long> slowest = new TreeMap<>();
    PostgresServer postgres;

    @AfterAll
    void report() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (slowest.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        slowest.forEach((name, ms) -> lines.add(name + "=" + ms));
        lines.add("analytics_5000_calls_slowest_query_ms=" + slowest.values().stream().mapToLong(Long::longValue).max().orElse(0));
        Path out = Path.of("target", "bench", "analytics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    @Test
    void onH2() throws IOException {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:h2:mem:analytics-scale;DB_CLOSE_DELAY=-1",
                "sa", "", true);
        try {
            sameAsTheSlowWay(ds, "h2");
        } finally {
            ds.destroy();
        }
    }

    @Test
    void onPostgres() throws Exception {
        PostgresServer.assumeAvailable("the PostgreSQL half is skipped");
        postgres = PostgresServer.create(Path.of("target", "it-data", "analytics-scale-pg"));
        SingleConnectionDataSource ds = new SingleConnectionDataSource(postgres.jdbcUrl(), PostgresServer.USER, "", true);
        try {
            sameAsTheSlowWay(ds, "postgresql");
        } finally {
            ds.destroy();
        }
    }

    void sameAsTheSlowWay(DataSource ds, String db) {
        // The calls are stored before V36, so its migration works out their talk figures, as on an upgraded server.
        Flyway.configure().dataSource(ds).target("35").load().migrate();
        List<UserEntity> red = team("red", 1L);
        List<UserEntity> blue = team("blue", 2L);
        generate(new JdbcTemplate(ds), red, blue);
        Flyway.configure().dataSource(ds).load().migrate();

        TeamAnalytics fast = new TeamAnalytics(ds);
        ReferenceTeamAnalytics slow = new ReferenceTeamAnalytics(ds);
        List<UserEntity> everyone = new ArrayList<>(red);
        everyone.addAll(blue);
        Map<String, List<UserEntity>> scopes = new LinkedHashMap<>();
        scopes.put("team", red);
        scopes.put("everyone", everyone);
        scopes.put("one rep", List.of(red.get(3)));
        for (var scope : scopes.entrySet()) {
            TeamAnalytics.Scope s = new TeamAnalytics.Scope(scope.getValue());
            TeamAnalytics.Dashboard expected = slow.dashboard(s, FROM, TO, TODAY);
            TeamAnalytics.Dashboard actual = fast.dashboard(s, FROM, TO, TODAY);
            assertThat(actual).as(db + ", " + scope.getKey()).isEqualTo(expected);
            assertThat(expected.callsPerWeek()).as("the generated calls are counted").isNotEmpty();
            assertThat(expected.talk()).isNotEmpty();
            assertThat(expected.cardsPerCard()).isNotEmpty();
            assertThat(expected.actionItems()).isNotEmpty();
        }
        long teamCalls = fast.dashboard(new TeamAnalytics.Scope(red), FROM, TO, TODAY).callsPerWeek().stream()
                .mapToLong(TeamAnalytics.RepWeek::calls).sum();
        assertThat(teamCalls).as("the team's calls, those between two of its reps counted for each")
                .isGreaterThanOrEqualTo(CALLS_PER_TEAM);

        // Timings: the team's dashboard, the slowest of five runs after a warm-up, per query.
        fast.timedDashboard(new TeamAnalytics.Scope(red), FROM, TO, TODAY);
        Map<String, Long> worst = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            fast.timedDashboard(new TeamAnalytics.Scope(red), FROM, TO, TODAY).queryMs()
                    .forEach((figure, ms) -> worst.merge(figure, ms, Math::max));
        }
        worst.forEach((figure, ms) -> slowest.put(db + "_" + figure + "_ms", ms));
        System.out.println("ANALYTICS_5000_CALLS_" + db.toUpperCase() + "_MS=" + worst);
    }

    static List<UserEntity> team(String name, long teamId) {
        List<UserEntity> users = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            users.add(new UserEntity(name + "-rep" + r, "x", UserRole.REP, teamId, name + "sip" + r,
                    r % 3 == 0 ? name.charAt(0) + "10" + r : null, Instant.EPOCH));
        }
        users.add(new UserEntity(name + "-mgr", "x", UserRole.MANAGER, teamId, null, null, Instant.EPOCH));
        return users;
    }

    /** 5,000 calls per team over the year before {@link #TODAY}, varied by a fixed seed. */
    static void generate(JdbcTemplate jdbc, List<UserEntity> red, List<UserEntity> blue) {
        Random random = new Random(22);
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> segments = new ArrayList<>();
        List<Object[]> speakers = new ArrayList<>();
        List<Object[]> cards = new ArrayList<>();
        List<Object[]> summaries = new ArrayList<>();
        List<Object[]> objections = new ArrayList<>();
        List<Object[]> actions = new ArrayList<>();
        String[] kinds = {"price", "timing", "competitor", "authority", "need"};
        for (List<UserEntity> team : List.of(red, blue)) {
            for (int i = 0; i < CALLS_PER_TEAM; i++) {
                String id = team.get(0).getUsername() + "-call-" + i;
                OffsetDateTime at = OffsetDateTime.ofInstant(FROM.plusSeconds(random.nextLong(365L * 86400)), ZoneOffset.UTC);
                UserEntity rep = team.get(random.nextInt(10));
                String from;
                String to;
                int kind = random.nextInt(10);
                if (kind == 0) { // an upload: the rep is a named speaker, not a leg
                    from = "sip:" + rep.getUsername() + "@upload";
                    to = "sip:recording-" + i + ".wav@upload";
                    speakers.add(new Object[] {id, "speaker1", "rep"});
                    speakers.add(new Object[] {id, "speaker2", "customer"});
                } else if (kind == 1) { // two reps of the team on one call
                    from = "sip:" + rep.getSipUser() + "@pbx.example";
                    to = "sip:" + team.get((team.indexOf(rep) + 1) % 10).getSipUser() + "@pbx.example";
                } else if (kind == 2 && rep.getExtension() != null) { // by extension, over tel:
                    from = "tel:+15550100;phone-context=example";
                    to = "tel:" + rep.getExtension();
                } else {
                    from = "sip:" + rep.getSipUser() + "@pbx.example";
                    to = "sip:+1555" + (1_000_000 + i) + "@carrier.example";
                }
                calls.add(new Object[] {id, "conv-" + id, from, to, at});
                String repParty = kind == 0 ? "speaker1" : "rep";
                String otherParty = kind == 0 ? "speaker2" : "customer";
                long t = 0;
                int lines = 2 + random.nextInt(10);
                int[] index = new int[2];
                for (int s = 0; s < lines; s++) {
                    boolean repSpeaks = random.nextInt(3) > 0;
                    long len = 500 + random.nextInt(8000);
                    segments.add(new Object[] {id, repSpeaks ? repParty : otherParty, index[repSpeaks ? 0 : 1]++, t, t + len, at});
                    t += len + random.nextInt(400);
                }
                for (int c = random.nextInt(4); c > 0; c--) {
                    int k = random.nextInt(9);
                    String feedback = List.of("used", "dismissed", "").get(random.nextInt(3));
                    cards.add(new Object[] {id, "card-" + k, "Card " + k, at, feedback.isEmpty() ? null : feedback});
                }
                summaries.add(new Object[] {id, java.sql.Date.valueOf(at.toLocalDate()), at});
                for (int o = random.nextInt(3); o > 0; o--) {
                    objections.add(new Object[] {id, o, kinds[random.nextInt(kinds.length)]});
                }
                for (int a = random.nextInt(3); a > 0; a--) {
                    LocalDate due = random.nextBoolean() ? null : TODAY.plusDays(random.nextInt(60) - 30);
                    boolean done = random.nextInt(3) == 0;
                    actions.add(new Object[] {id, a, due == null ? null : java.sql.Date.valueOf(due),
                            done ? java.sql.Timestamp.from(TO) : null, done ? rep.getUsername() : null});
                }
            }
        }
        jdbc.batchUpdate("insert into calls (id, conversation_id, from_uri, to_uri, status, started_at, duration_ms)"
                + " values (?, ?, ?, ?, 'ENDED', ?, 60000)", calls);
        jdbc.batchUpdate("insert into call_speakers (call_id, speaker, role, display_name) values (?, ?, ?, 'someone')",
                speakers);
        jdbc.batchUpdate("insert into transcript_segments (call_id, party, seg_index, start_ms, end_ms, text, created_at)"
                + " values (?, ?, ?, ?, ?, 'words', ?)", segments);
        jdbc.batchUpdate("insert into call_cards (call_id, card_key, title, body, priority, utterance, shown_at, feedback)"
                + " values (?, ?, ?, 'body', 1, 1, ?, ?)", cards);
        jdbc.batchUpdate("insert into call_summaries (call_id, call_date, call_type, priority, abstract_text, summary_text,"
                + " sentiment_label, sentiment_overall, sentiment_opening, sentiment_closing, engine, created_at)"
                + " values (?, ?, 'sales', 'low', 'a', 't', 'neutral', 0, 0, 0, 'offline', ?)", summaries);
        jdbc.batchUpdate("insert into summary_objections (call_id, seq, utterance, kind, said) values (?, ?, 1, ?, 'said')",
                objections);
        jdbc.batchUpdate("insert into summary_action_items (call_id, seq, utterance, owner, what, due_date, done_at, done_by)"
                + " values (?, ?, 1, 'rep', 'do it', ?, ?, ?)", actions);
    }
}
