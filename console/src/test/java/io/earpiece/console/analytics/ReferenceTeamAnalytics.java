package io.earpiece.console.analytics;

import io.earpiece.console.analytics.TeamAnalytics.ActionItems;
import io.earpiece.console.analytics.TeamAnalytics.CardRate;
import io.earpiece.console.analytics.TeamAnalytics.KindWeek;
import io.earpiece.console.analytics.TeamAnalytics.RepWeek;
import io.earpiece.console.analytics.TeamAnalytics.Talk;
import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.UserEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard as {@link TeamAnalytics} computed it before its figures were scoped and added up in SQL: the calls
 * in scope picked first, then every figure read per call for all the period's calls and added up per rep here, with
 * {@link CallOwnerMatch} saying whose each call is. Slow (it reads the whole period whoever is in scope) but plain,
 * so the tests hold the SQL version to its results.
 */
final class ReferenceTeamAnalytics {

    /** The rep's own voice: a live call's rep leg, or an uploaded call's speaker named as the rep. */
    private static final String IS_REP = "case when t.party = 'rep' or sp.role = 'rep' then 1 else 0 end";

    private final NamedParameterJdbcTemplate jdbc;

    ReferenceTeamAnalytics(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** One call in scope and whose it is. */
    private record Owned(LocalDate day, List<String> reps) {
    }

    /** The dashboard for [from, to), with "overdue" as of {@code today}. Blocking. */
    TeamAnalytics.Dashboard dashboard(TeamAnalytics.Scope scope, Instant from, Instant to, LocalDate today) {
        if (scope.users().isEmpty()) {
            return new TeamAnalytics.Dashboard(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .addValue("today", Date.valueOf(today));
        Map<String, Object> own = new HashMap<>();
        String inScope = "c.started_at >= :from and c.started_at < :to and "
                + CallOwnership.sqlOwnedBy("c", CallOwners.of(scope.users()), own);
        params.addValues(own);
        // The other queries read the period's calls by the start-time index only and leave out, here, those not in
        // scope: the ownership test (LIKE over the URIs) then runs once per call, not once per query and row.
        String period = " join calls c on c.id = %s.call_id where c.started_at >= :from and c.started_at < :to";

        List<CallOwnerMatch> matchers = scope.users().stream().map(CallOwnerMatch::new).toList();
        Map<String, Owned> calls = new LinkedHashMap<>();
        jdbc.query("select c.id, c.from_uri, c.to_uri, cast(c.started_at as date) as on_day from calls c where " + inScope,
                params, rs -> {
                    String fromUri = rs.getString("from_uri");
                    String toUri = rs.getString("to_uri");
                    List<String> reps = matchers.stream().filter(m -> m.owns(fromUri, toUri))
                            .map(CallOwnerMatch::username).toList();
                    calls.put(rs.getString("id"), new Owned(rs.getDate("on_day").toLocalDate(), reps));
                });
        return new TeamAnalytics.Dashboard(callsPerWeek(calls), talk(calls, period, params), objections(calls, period, params),
                cardsPerRep(calls, period, params), cardsPerCard(calls, period, params),
                actionItems(calls, period, params));
    }


    private static List<RepWeek> callsPerWeek(Map<String, Owned> calls) {
        Map<String, Map<LocalDate, Long>> byRep = new TreeMap<>();
        for (Owned c : calls.values()) {
            for (String rep : c.reps()) {
                byRep.computeIfAbsent(rep, k -> new TreeMap<>()).merge(TeamAnalytics.week(c.day()), 1L, Long::sum);
            }
        }
        List<RepWeek> out = new ArrayList<>();
        byRep.forEach((rep, weeks) -> weeks.forEach((w, n) -> out.add(new RepWeek(rep, w, n))));
        return out;
    }


    private List<Talk> talk(Map<String, Owned> calls, String period, MapSqlParameterSource params) {
        Map<String, long[]> byRep = new TreeMap<>();
        jdbc.query("select t.call_id, sum(" + IS_REP + " * (t.end_ms - t.start_ms)) as rep_ms,"
                + " sum(t.end_ms - t.start_ms) as all_ms from transcript_segments t"
                + " left join call_speakers sp on sp.call_id = t.call_id and sp.speaker = t.party"
                + period.formatted("t") + " group by t.call_id", params, rs -> {
                    for (String rep : reps(calls, rs.getString("call_id"))) {
                        long[] v = byRep.computeIfAbsent(rep, k -> new long[3]);
                        v[0] += rs.getLong("rep_ms");
                        v[1] += rs.getLong("all_ms");
                    }
                });
        // Longest monologue: runs of consecutive rep lines ("gaps and islands": a run number grows whenever the
        // speaker changes), from the run's first start to its last end.
        jdbc.query("select y.call_id, max(y.run_ms) as longest from ("
                + " select x.call_id, max(x.end_ms) - min(x.start_ms) as run_ms from ("
                + "  select w.call_id, w.start_ms, w.end_ms, w.is_rep,"
                + "   sum(w.flip) over (partition by w.call_id order by w.start_ms, w.id rows unbounded preceding) as run_no"
                + "  from (select t.id, t.call_id, t.start_ms, t.end_ms, " + IS_REP + " as is_rep,"
                + "    case when " + IS_REP + " = lag(" + IS_REP + ") over (partition by t.call_id order by t.start_ms, t.id)"
                + "    then 0 else 1 end as flip"
                + "   from transcript_segments t left join call_speakers sp on sp.call_id = t.call_id and sp.speaker = t.party"
                + period.formatted("t") + ") w) x"
                + " where x.is_rep = 1 group by x.call_id, x.run_no) y group by y.call_id", params, rs -> {
                    for (String rep : reps(calls, rs.getString("call_id"))) {
                        long[] v = byRep.computeIfAbsent(rep, k -> new long[3]);
                        v[2] = Math.max(v[2], rs.getLong("longest"));
                    }
                });
        List<Talk> out = new ArrayList<>();
        byRep.forEach((rep, v) -> out.add(new Talk(rep, v[0], v[1], v[1] == 0 ? 0 : (double) v[0] / v[1], v[2])));
        return out;
    }


    private List<KindWeek> objections(Map<String, Owned> calls, String period, MapSqlParameterSource params) {
        Map<LocalDate, Map<String, Long>> byWeek = new TreeMap<>();
        jdbc.query("select so.call_id, so.kind, count(*) as n from summary_objections so" + period.formatted("so")
                + " group by so.call_id, so.kind", params, rs -> {
                    Owned c = calls.get(rs.getString("call_id"));
                    if (c != null) {
                        byWeek.computeIfAbsent(TeamAnalytics.week(c.day()), k -> new TreeMap<>())
                                .merge(rs.getString("kind"), rs.getLong("n"), Long::sum);
                    }
                });
        List<KindWeek> out = new ArrayList<>();
        byWeek.forEach((w, kinds) -> kinds.forEach((k, n) -> out.add(new KindWeek(w, k, n))));
        return out;
    }


    private static final String CARD_COUNTS = " count(*) as shown,"
            + " sum(case when k.feedback = 'used' then 1 else 0 end) as used,"
            + " sum(case when k.feedback = 'dismissed' then 1 else 0 end) as dismissed";

    private List<CardRate> cardsPerRep(Map<String, Owned> calls, String period, MapSqlParameterSource params) {
        Map<String, long[]> byRep = new TreeMap<>();
        jdbc.query("select k.call_id," + CARD_COUNTS + " from call_cards k" + period.formatted("k")
                + " group by k.call_id", params, rs -> {
                    for (String rep : reps(calls, rs.getString("call_id"))) {
                        long[] v = byRep.computeIfAbsent(rep, x -> new long[3]);
                        v[0] += rs.getLong("shown");
                        v[1] += rs.getLong("used");
                        v[2] += rs.getLong("dismissed");
                    }
                });
        List<CardRate> out = new ArrayList<>();
        byRep.forEach((rep, v) -> out.add(rate(rep, rep, v[0], v[1], v[2])));
        return out;
    }

    private List<CardRate> cardsPerCard(Map<String, Owned> calls, String period, MapSqlParameterSource params) {
        Map<String, long[]> byKey = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        jdbc.query("select k.call_id, k.card_key, min(k.title) as title," + CARD_COUNTS + " from call_cards k"
                + period.formatted("k") + " group by k.call_id, k.card_key", params, rs -> {
                    if (calls.containsKey(rs.getString("call_id"))) {
                        String key = rs.getString("card_key");
                        titles.merge(key, rs.getString("title"), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                        long[] v = byKey.computeIfAbsent(key, x -> new long[3]);
                        v[0] += rs.getLong("shown");
                        v[1] += rs.getLong("used");
                        v[2] += rs.getLong("dismissed");
                    }
                });
        List<CardRate> out = new ArrayList<>();
        byKey.forEach((key, v) -> out.add(rate(key, titles.get(key), v[0], v[1], v[2])));
        out.sort(java.util.Comparator.comparingLong(CardRate::shown).reversed().thenComparing(CardRate::key));
        return out;
    }

    /** Accept rate: used over shown (a card left alone counts against it, as for the card stats). */
    private static CardRate rate(String key, String title, long shown, long used, long dismissed) {
        return new CardRate(key, title, shown, used, dismissed, shown == 0 ? 0 : (double) used / shown);
    }


    private List<ActionItems> actionItems(Map<String, Owned> calls, String period, MapSqlParameterSource params) {
        Map<String, long[]> byRep = new TreeMap<>();
        jdbc.query("select a.call_id, sum(case when a.done_at is null then 1 else 0 end) as open_items,"
                + " sum(case when a.done_at is null and a.due_date < :today then 1 else 0 end) as overdue,"
                + " sum(case when a.done_at is null then 0 else 1 end) as done_items"
                + " from summary_action_items a" + period.formatted("a") + " group by a.call_id", params, rs -> {
                    for (String rep : reps(calls, rs.getString("call_id"))) {
                        long[] v = byRep.computeIfAbsent(rep, x -> new long[3]);
                        v[0] += rs.getLong("open_items");
                        v[1] += rs.getLong("overdue");
                        v[2] += rs.getLong("done_items");
                    }
                });
        List<ActionItems> out = new ArrayList<>();
        byRep.forEach((rep, v) -> out.add(new ActionItems(rep, v[0], v[1], v[2])));
        return out;
    }

    private static List<String> reps(Map<String, Owned> calls, String callId) {
        Owned c = calls.get(callId);
        return c == null ? List.of() : c.reps();
    }

}
