package io.earpiece.db.search;

import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paged, filtered search over call history. Words said are matched with PostgreSQL full-text search
 * ({@code to_tsvector @@ plainto_tsquery}, English stemming) when the database is PostgreSQL, and with a portable
 * case-insensitive match of every word inside one segment elsewhere (the embedded H2). The application makes it
 * a bean (the db module has no component scan of its own).
 */
public class CallSearch {

    /** A summary of a call with no transcribed line makes no claims (its type, sentiment are defaults). */
    private static final String FROM = " from calls c left join call_summaries s on s.call_id = c.id"
            + " and exists (select 1 from transcript_segments t0 where t0.call_id = c.id)";
    /** The library's columns beyond the summary's: who, how much was said, cards used. */
    private static final String COLUMNS = ", c.status,"
            + " coalesce(" + named("rep") + ","
            + " (select min(d.rep_username) from call_details d where d.conversation_id = c.conversation_id),"
            + " (select min(sp.display_name) from call_speakers sp where sp.call_id = c.id and sp.role = 'rep'),"
            + " (select min(j.uploaded_by) from upload_jobs j where j.call_id = c.id)) as rep_name,"
            + " coalesce(" + named("customer") + ","
            + " (select min(d.remote) from call_details d where d.conversation_id = c.conversation_id),"
            + " (select min(sp.display_name) from call_speakers sp where sp.call_id = c.id"
            + " and sp.role = 'customer')) as customer_name,"
            + " (select count(*) from transcript_segments t where t.call_id = c.id) as segments,"
            + " (select count(*) from call_cards k where k.call_id = c.id and k.feedback = 'used') as cards_used";
    /**
     * The name a party of that role goes by once it has one (not just its label: see V60); a live call's first
     * stream ("customer") before further ones ("customer-2").
     */
    private static String named(String role) {
        return "(select min(sp.display_name) from call_speakers sp where sp.call_id = c.id and sp.role = '" + role
                + "' and sp.name_source <> 'role' and sp.speaker = (select min(sp2.speaker) from call_speakers sp2"
                + " where sp2.call_id = c.id and sp2.role = '" + role + "' and sp2.name_source <> 'role'))";
    }

    private static final RowMapper<CallHit> HIT = (rs, n) -> new CallHit(rs.getString("id"),
            instant(rs.getObject("started_at", OffsetDateTime.class)),
            instant(rs.getObject("ended_at", OffsetDateTime.class)),
            (Long) rs.getObject("duration_ms", Long.class), rs.getString("from_uri"), rs.getString("to_uri"),
            rs.getString("call_type"), rs.getString("priority"), rs.getString("sentiment_label"));
    private static final RowMapper<CallHit> LIBRARY_HIT = (rs, n) -> new CallHit(rs.getString("id"),
            instant(rs.getObject("started_at", OffsetDateTime.class)),
            instant(rs.getObject("ended_at", OffsetDateTime.class)),
            (Long) rs.getObject("duration_ms", Long.class), rs.getString("from_uri"), rs.getString("to_uri"),
            rs.getString("call_type"), rs.getString("priority"), rs.getString("sentiment_label"),
            rs.getString("status"), rs.getString("rep_name"), rs.getString("customer_name"), rs.getLong("segments"),
            List.of(), rs.getLong("cards_used"));

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean postgres;

    public CallSearch(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        // PostgreSQL streams rows in chunks only with a fetch size (inside a transaction).
        this.jdbc.getJdbcTemplate().setFetchSize(200);
        this.postgres = isPostgres(dataSource);
    }

    /** Whether full-text search runs on PostgreSQL's text search (else the portable fallback). */
    public boolean usesDatabaseFullText() {
        return postgres;
    }

    public SearchPage search(SearchCriteria criteria) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(criteria, params);
        Long total = jdbc.queryForObject("select count(*)" + FROM + where, params, Long.class);
        params.addValue("limit", criteria.size());
        params.addValue("offset", (long) criteria.page() * criteria.size());
        List<CallHit> hits = jdbc.query("select c.id, c.started_at, c.ended_at, c.duration_ms, c.from_uri, c.to_uri,"
                + " s.call_type, s.priority, s.sentiment_label" + COLUMNS + FROM + where
                + " order by " + criteria.sort().orderBy() + " limit :limit offset :offset", params, LIBRARY_HIT);
        return new SearchPage(withObjections(hits), total == null ? 0 : total, criteria.page(), criteria.size());
    }

    /** The objection kinds of each hit: the summary's once it exists, the live insights' before. */
    private List<CallHit> withObjections(List<CallHit> hits) {
        if (hits.isEmpty()) {
            return hits;
        }
        Map<String, java.util.Set<String>> kinds = new HashMap<>();
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", hits.stream().map(CallHit::callId).toList());
        jdbc.query("select call_id, kind from summary_objections where call_id in (:ids) order by call_id, seq", ids,
                (java.sql.ResultSet rs) -> {
                    kinds.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashSet<>()).add(rs.getString(2));
                });
        jdbc.query("select call_id, tag from call_insights where call_id in (:ids) and tag like 'objection:%'"
                + " order by call_id, id", ids, (java.sql.ResultSet rs) -> {
                    String callId = rs.getString(1);
                    if (!summarised(callId, hits)) {
                        kinds.computeIfAbsent(callId, k -> new java.util.LinkedHashSet<>())
                                .add(rs.getString(2).substring("objection:".length()));
                    }
                });
        return hits.stream().map(h -> h.withObjections(List.copyOf(kinds.getOrDefault(h.callId(), java.util.Set.of()))))
                .toList();
    }

    private static boolean summarised(String callId, List<CallHit> hits) {
        return hits.stream().anyMatch(h -> h.callId().equals(callId) && h.callType() != null);
    }

    /**
     * Every call started in [from, to) that {@code owners} own (null: every call), oldest first, with counts of its
     * summary's objections and action items, handed to {@code each} row by row as the database streams them
     * (reports never hold the whole period).
     */
    public void forEachInPeriod(Instant from, Instant to, CallOwners owners,
                                java.util.function.Consumer<ReportRow> each) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("fromTime", from.atOffset(ZoneOffset.UTC)).addValue("toTime", to.atOffset(ZoneOffset.UTC));
        String owned = "";
        if (owners != null) {
            Map<String, Object> ownerParams = new HashMap<>();
            owned = " and " + CallOwnership.sqlOwnedBy("c", owners, ownerParams);
            params.addValues(ownerParams);
        }
        jdbc.query("select c.id, c.started_at, c.ended_at, c.duration_ms, c.from_uri, c.to_uri, s.call_type,"
                + " s.priority, s.sentiment_label,"
                + " (select count(*) from summary_objections o where o.call_id = c.id) as objections,"
                + " (select count(*) from summary_action_items a where a.call_id = c.id) as action_items,"
                + " (select count(*) from transcript_segments t where t.call_id = c.id) as segments" + FROM
                + " where c.started_at >= :fromTime and c.started_at < :toTime" + owned
                + " order by c.started_at asc, c.id asc",
                params, (java.sql.ResultSet rs) -> {
                    each.accept(new ReportRow(HIT.mapRow(rs, 0), rs.getLong("objections"),
                            rs.getLong("action_items"), rs.getLong("segments")));
                });
    }

    private String where(SearchCriteria c, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        if (c.rep() != null) {
            clauses.add(repClause(c.rep(), params));
        }
        if (c.customer() != null) {
            clauses.add(customerClause(c.customer(), params));
        }
        if (c.from() != null) {
            clauses.add("c.started_at >= :fromTime");
            params.addValue("fromTime", c.from().atOffset(ZoneOffset.UTC));
        }
        if (c.to() != null) {
            clauses.add("c.started_at < :toTime");
            params.addValue("toTime", c.to().atOffset(ZoneOffset.UTC));
        }
        if (c.type() != null) {
            clauses.add("s.call_type = :type");
            params.addValue("type", c.type().toLowerCase(Locale.ROOT));
        }
        if (c.sentiment() != null) {
            clauses.add("s.sentiment_label = :sentiment");
            params.addValue("sentiment", c.sentiment().toLowerCase(Locale.ROOT));
        }
        if (c.objection() != null) {
            // The summary's objections once it exists; the live insights cover calls not summarised yet.
            clauses.add("(exists (select 1 from summary_objections o where o.call_id = c.id and o.kind = :objection)"
                    + " or exists (select 1 from call_insights i where i.call_id = c.id and i.tag = :objectionTag))");
            String kind = c.objection().toLowerCase(Locale.ROOT);
            params.addValue("objection", kind);
            params.addValue("objectionTag", "objection:" + kind);
        }
        if (c.text() != null) {
            clauses.add(textClause(c.text(), params));
        }
        if (c.owners() != null) {
            Map<String, Object> owned = new HashMap<>();
            clauses.add(CallOwnership.sqlOwnedBy("c", c.owners(), owned));
            params.addValues(owned);
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /**
     * The rep as a console user (username of a user whose SIP identity is in the call's URIs, or who uploaded
     * the recording), as the B2BUA's rep login, as a speaker name given to the rep of an uploaded call, or as
     * part of either SIP URI.
     */
    private String repClause(String rep, MapSqlParameterSource params) {
        params.addValue("rep", contains(rep));
        List<String> any = new ArrayList<>(List.of(
                "lower(c.from_uri) like :rep escape '\\'", "lower(c.to_uri) like :rep escape '\\'",
                "exists (select 1 from upload_jobs j where j.call_id = c.id"
                        + " and lower(j.uploaded_by) like :rep escape '\\')",
                "exists (select 1 from call_speakers sp where sp.call_id = c.id and sp.role = 'rep'"
                        + " and lower(sp.display_name) like :rep escape '\\')",
                "exists (select 1 from call_details d where d.conversation_id = c.conversation_id"
                        + " and lower(d.rep_username) like :rep escape '\\')"));
        int n = 0;
        for (String identity : repIdentities(rep)) {
            for (String pattern : CallOwnership.userPartPatterns(identity)) {
                String name = "repId" + n++;
                params.addValue(name, pattern);
                any.add("lower(c.from_uri) like :" + name + " escape '" + CallOwnership.ESCAPE + "'");
                any.add("lower(c.to_uri) like :" + name + " escape '" + CallOwnership.ESCAPE + "'");
            }
        }
        return "(" + String.join(" or ", any) + ")";
    }

    /**
     * The customer as a speaker name given to the customer of an uploaded call, as the B2BUA's remote party, or
     * as part of either SIP URI; a phone number typed with spaces, dashes or brackets matches by its digits.
     */
    private String customerClause(String customer, MapSqlParameterSource params) {
        params.addValue("customer", contains(customer));
        List<String> any = new ArrayList<>(List.of(
                "lower(c.from_uri) like :customer escape '\\'", "lower(c.to_uri) like :customer escape '\\'",
                "exists (select 1 from call_speakers sp where sp.call_id = c.id and sp.role = 'customer'"
                        + " and lower(sp.display_name) like :customer escape '\\')",
                "exists (select 1 from call_details d where d.conversation_id = c.conversation_id"
                        + " and lower(d.remote) like :customer escape '\\')"));
        String digits = phoneDigits(customer);
        if (digits != null) {
            params.addValue("customerDigits", contains(digits));
            any.add("lower(c.from_uri) like :customerDigits escape '\\'");
            any.add("lower(c.to_uri) like :customerDigits escape '\\'");
            any.add("exists (select 1 from call_details d where d.conversation_id = c.conversation_id"
                    + " and d.remote like :customerDigits escape '\\')");
        }
        return "(" + String.join(" or ", any) + ")";
    }

    /** SIP identities (SIP user, else username; extension) of at most 50 users whose username contains rep. */
    private List<String> repIdentities(String rep) {
        List<String> ids = new ArrayList<>();
        jdbc.query("select sip_user, username, extension from users where lower(username) like :rep escape '\\'"
                        + " order by id limit 50", new MapSqlParameterSource("rep", contains(rep)),
                (java.sql.ResultSet rs) -> {
                    String sip = rs.getString("sip_user");
                    ids.add((sip == null || sip.isBlank() ? rs.getString("username") : sip).strip()
                            .toLowerCase(Locale.ROOT));
                    String ext = rs.getString("extension");
                    if (ext != null && !ext.isBlank()) {
                        ids.add(ext.strip().toLowerCase(Locale.ROOT));
                    }
                });
        return ids;
    }

    /** The digits of a query that looks like a phone number (digits and + - . ( ) / spaces only), else null. */
    static String phoneDigits(String query) {
        if (!query.matches("[+\\d\\s().\\-/]+")) {
            return null;
        }
        String digits = query.replaceAll("\\D", "");
        return digits.length() >= 3 && !digits.equals(query) ? digits : null;
    }

    private String textClause(String text, MapSqlParameterSource params) {
        String segment = "exists (select 1 from transcript_segments t where t.call_id = c.id and ";
        if (postgres) {
            params.addValue("q", text);
            return segment + "to_tsvector('english', t.text) @@ plainto_tsquery('english', :q))";
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return "1 = 1";
        }
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            likes.add("lower(t.text) like :w" + i + " escape '\\'");
            params.addValue("w" + i, contains(words.get(i)));
        }
        return segment + String.join(" and ", likes) + ")";
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String contains(String s) {
        return "%" + escape(s.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}
