package io.earpiece.console.analytics;

import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.UserEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The managers' dashboard over the calls that the users in scope own and that started in a period. Every figure is
 * one SQL query that starts from the same scoped set, {@code owned (call_id, rep, on_day)}: per user in scope, the
 * period's calls (start-time index) that the call-access ownership rule ({@link CallOwnership}) gives them, matched
 * by equality on the URIs' user parts. So the
 * database reads only the scoped calls' talk figures (stored per call, V36), cards, objections and action items (each
 * by its call-id index, V35 makes them covering) and adds them up per rep or card itself; what comes back is a row per rep, card or day.
 * Days are folded into ISO weeks (Monday) here, which keeps the SQL the same on H2 and PostgreSQL. A call that two
 * users in scope own counts for each of them, and once in the per-card and per-kind figures.
 */
@Service
public class TeamAnalytics {

    /** Who is counted. */
    public record Scope(List<UserEntity> users) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public TeamAnalytics(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** The dashboard for [from, to), with "overdue" as of {@code today}. Blocking. */
    public Dashboard dashboard(Scope scope, Instant from, Instant to, LocalDate today) {
        return timedDashboard(scope, from, to, today).dashboard();
    }

    /** The dashboard and how long each of its queries took (milliseconds, by figure, in query order). */
    public record Timed(Dashboard dashboard, Map<String, Long> queryMs) {
    }

    /** {@link #dashboard}, with each query timed. Blocking. */
    public Timed timedDashboard(Scope scope, Instant from, Instant to, LocalDate today) {
        Map<String, Long> times = new LinkedHashMap<>();
        if (scope.users().isEmpty()) {
            return new Timed(Dashboard.empty(), times);
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .addValue("today", Date.valueOf(today));
        String owned = owned(scope, params);
        Query q = new Query(owned, params, times);
        return new Timed(new Dashboard(q.time("callsPerWeek", () -> callsPerWeek(q)), q.time("talk", () -> talk(q)),
                q.time("objections", () -> objections(q)), q.time("cardsPerRep", () -> cardsPerRep(q)),
                q.time("cardsPerCard", () -> cardsPerCard(q)), q.time("actionItems", () -> actionItems(q))), times);
    }

    /** The user part of a lower-cased {@code sip:}, {@code sips:} or {@code tel:} URI {@code %1$s}, else null. */
    private static final String USER_PART = "case when %1$s like 'sip:%%@%%' then substring(%1$s from 5 for position('@' in %1$s) - 5)"
            + " when %1$s like 'sips:%%@%%' then substring(%1$s from 6 for position('@' in %1$s) - 6)"
            + " when %1$s like 'tel:%%;%%' then substring(%1$s from 5 for position(';' in %1$s) - 5)"
            + " when %1$s like 'tel:%%' then substring(%1$s from 5) end";

    /**
     * The {@code with} clause naming the scoped calls. {@code parts} reads the period's calls and takes the user part
     * of their From and To; {@code owned} pairs each of them with each user in scope ({@code users (n, rep)}, a few
     * rows) and keeps the pairs where the call is that user's: its user part equals one of the user's SIP identities,
     * or, for an upload, its From is theirs. This is {@link CallOwnership}'s rule (its LIKE patterns match exactly
     * these user parts, and a call without a From is nobody's), by equality: one LIKE per identity, URI column and row
     * made the dashboard seconds slow. {@code parts} is named once so that it is read once: H2 inlines a {@code with}
     * name at every use, and with a branch per user (a {@code union all}) it worked out every call's user parts once
     * per user, eleven times for a team. (A join of {@code parts} with a list of identities instead was slower on
     * both databases: PostgreSQL then inlines {@code parts} into the join.) {@code offset 0} keeps PostgreSQL from
     * doing that here too: without it, it worked out the user parts once per call and user, three times slower.
     */
    private static String owned(Scope scope, MapSqlParameterSource params) {
        List<String> users = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (UserEntity user : scope.users()) {
            int n = users.size();
            CallOwners owners = CallOwners.of(List.of(user));
            params.addValue("rep" + n, user.getUsername());
            params.addValue("ids" + n, List.copyOf(owners.identities()));
            params.addValue("up" + n, CallOwnership.uploaderUri(owners.usernames().iterator().next()));
            users.add("(" + n + ", cast(:rep" + n + " as varchar(128)))");
            rules.add(" when " + n + " then case when (p.upload = 0 and (p.from_user in (:ids" + n
                    + ") or p.to_user in (:ids" + n + "))) or (p.upload = 1 and p.f = :up" + n + ") then 1 else 0 end");
        }
        return "with parts as (select q.id, q.on_day, q.f,"
                + " case when q.f like '%@" + CallOwnership.UPLOAD_HOST + "' or q.f = '" + CallOwnership.UPLOAD_HOST
                + "' then 1 else 0 end as upload, " + USER_PART.formatted("q.f") + " as from_user, "
                + USER_PART.formatted("q.t") + " as to_user"
                + " from (select c.id, cast(c.started_at as date) as on_day, lower(c.from_uri) as f, lower(c.to_uri) as t"
                + " from calls c where c.started_at >= :from and c.started_at < :to and c.from_uri is not null) q offset 0),"
                + " owned (call_id, rep, on_day) as (select p.id, u.rep, p.on_day from parts p cross join (values "
                + String.join(", ", users) + ") as u (n, rep) where case u.n" + String.join("", rules) + " end = 1) ";
    }

    /** The scoped set, the parameters, and the times of the queries run so far. */
    private record Query(String owned, MapSqlParameterSource params, Map<String, Long> times) {

        <T> T time(String figure, Supplier<T> query) {
            long t0 = System.nanoTime();
            T result = query.get();
            times.put(figure, (System.nanoTime() - t0) / 1_000_000);
            return result;
        }
    }

    public record RepWeek(String rep, LocalDate week, long calls) {
    }

    private List<RepWeek> callsPerWeek(Query q) {
        Map<String, Map<LocalDate, Long>> byRep = new TreeMap<>();
        jdbc.query(q.owned() + "select o.rep, o.on_day, count(*) as n from owned o group by o.rep, o.on_day", q.params(),
                rs -> {
                    byRep.computeIfAbsent(rs.getString("rep"), k -> new TreeMap<>())
                            .merge(week(rs.getDate("on_day").toLocalDate()), rs.getLong("n"), Long::sum);
                });
        List<RepWeek> out = new ArrayList<>();
        byRep.forEach((rep, weeks) -> weeks.forEach((w, n) -> out.add(new RepWeek(rep, w, n))));
        return out;
    }

    public record Talk(String rep, long repMs, long totalMs, double talkRatio, long longestMonologueMs) {
    }

    private List<Talk> talk(Query q) {
        // Each call's figures are stored once its transcript is final (CallTalkFigures): a row per call to add up.
        List<Talk> out = new ArrayList<>();
        jdbc.query(q.owned() + "select o.rep, sum(k.rep_ms) as rep_ms, sum(k.total_ms) as all_ms,"
                + " max(k.longest_rep_run_ms) as longest from owned o join call_talk k on k.call_id = o.call_id"
                + " group by o.rep", q.params(), rs -> {
                    long repMs = rs.getLong("rep_ms");
                    long allMs = rs.getLong("all_ms");
                    out.add(new Talk(rs.getString("rep"), repMs, allMs, allMs == 0 ? 0 : (double) repMs / allMs,
                            rs.getLong("longest")));
                });
        out.sort(Comparator.comparing(Talk::rep));
        return out;
    }

    public record KindWeek(LocalDate week, String kind, long count) {
    }

    private List<KindWeek> objections(Query q) {
        Map<LocalDate, Map<String, Long>> byWeek = new TreeMap<>();
        jdbc.query(q.owned() + "select d.on_day, so.kind, count(*) as n"
                + " from (select distinct o.call_id, o.on_day from owned o) d"
                + " join summary_objections so on so.call_id = d.call_id group by d.on_day, so.kind", q.params(), rs -> {
                    byWeek.computeIfAbsent(week(rs.getDate("on_day").toLocalDate()), k -> new TreeMap<>())
                            .merge(rs.getString("kind"), rs.getLong("n"), Long::sum);
                });
        List<KindWeek> out = new ArrayList<>();
        byWeek.forEach((w, kinds) -> kinds.forEach((k, n) -> out.add(new KindWeek(w, k, n))));
        return out;
    }

    public record CardRate(String key, String title, long shown, long used, long dismissed, double acceptRate) {
    }

    private static final String CARD_COUNTS = " count(*) as shown,"
            + " sum(case when k.feedback = 'used' then 1 else 0 end) as used,"
            + " sum(case when k.feedback = 'dismissed' then 1 else 0 end) as dismissed";

    private List<CardRate> cardsPerRep(Query q) {
        List<CardRate> out = new ArrayList<>();
        jdbc.query(q.owned() + "select o.rep," + CARD_COUNTS + " from owned o join call_cards k on k.call_id = o.call_id"
                + " group by o.rep", q.params(), rs -> {
                    String rep = rs.getString("rep");
                    out.add(rate(rep, rep, rs.getLong("shown"), rs.getLong("used"), rs.getLong("dismissed")));
                });
        // Sorted here, not by the database, whose collation may not be Java's order of names.
        out.sort(Comparator.comparing(CardRate::key));
        return out;
    }

    private List<CardRate> cardsPerCard(Query q) {
        List<CardRate> out = new ArrayList<>();
        jdbc.query(q.owned() + "select k.card_key, min(k.title) as title," + CARD_COUNTS + " from (select distinct o.call_id from owned o) d"
                + " join call_cards k on k.call_id = d.call_id group by k.card_key", q.params(), rs -> {
                    out.add(rate(rs.getString("card_key"), rs.getString("title"), rs.getLong("shown"),
                            rs.getLong("used"), rs.getLong("dismissed")));
                });
        out.sort(Comparator.comparingLong(CardRate::shown).reversed().thenComparing(CardRate::key));
        return out;
    }

    /** Accept rate: used over shown (a card left alone counts against it, as for the card stats). */
    private static CardRate rate(String key, String title, long shown, long used, long dismissed) {
        return new CardRate(key, title, shown, used, dismissed, shown == 0 ? 0 : (double) used / shown);
    }

    public record ActionItems(String rep, long open, long overdue, long done) {
    }

    private List<ActionItems> actionItems(Query q) {
        List<ActionItems> out = new ArrayList<>();
        jdbc.query(q.owned() + "select o.rep, sum(case when a.done_at is null then 1 else 0 end) as open_items,"
                + " sum(case when a.done_at is null and a.due_date < :today then 1 else 0 end) as overdue,"
                + " sum(case when a.done_at is null then 0 else 1 end) as done_items"
                + " from owned o join summary_action_items a on a.call_id = o.call_id group by o.rep", q.params(),
                rs -> {
                    out.add(new ActionItems(rs.getString("rep"), rs.getLong("open_items"), rs.getLong("overdue"),
                            rs.getLong("done_items")));
                });
        out.sort(Comparator.comparing(ActionItems::rep));
        return out;
    }

    static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Everything the dashboard draws. */
    public record Dashboard(List<RepWeek> callsPerWeek, List<Talk> talk, List<KindWeek> objections,
                            List<CardRate> cardsPerRep, List<CardRate> cardsPerCard, List<ActionItems> actionItems) {
        static Dashboard empty() {
            return new Dashboard(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}
