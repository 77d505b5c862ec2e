package io.earpiece.db.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each call's talk figures in {@code call_talk} (V36): the rep's talk time, everyone's, and the rep's longest
 * monologue, all in milliseconds, worked out from the call's stored transcript. The dashboard then adds up one row
 * per call instead of walking every line of a year of calls, which is what kept its talk query above 300 ms.
 *
 * <p>The one definition of these figures: the V36 migration fills them for the calls stored before it, and the
 * console refreshes a call's row when its transcript is final. A call without lines has no row (as it had no talk
 * figures before). Plain JDBC so that a Flyway Java migration can use it; the SQL runs on H2 2.x and PostgreSQL.
 */
public final class CallTalkFigures {

    private CallTalkFigures() {
    }

    /** The rep's own voice: a live call's rep leg, or an uploaded call's speaker named as the rep. */
    private static final String IS_REP = "case when t.party = 'rep' or sp.role = 'rep' then 1 else 0 end";

    /**
     * The figures per call of the lines {@code where} selects. Longest monologue: runs of consecutive rep lines
     * ("gaps and islands": a run number grows whenever the speaker changes, in start order), from the run's first
     * start to its last end; each run also carries its talk time, so one grouping gives the rep's and everyone's.
     */
    private static String select(String where) {
        return "select y.call_id, sum(case when y.is_rep = 1 then y.talk_ms else 0 end),"
                + " sum(y.talk_ms), max(case when y.is_rep = 1 then y.run_ms end) from ("
                + " select x.call_id, x.is_rep, max(x.end_ms) - min(x.start_ms) as run_ms,"
                + "  sum(x.end_ms - x.start_ms) as talk_ms from ("
                + "  select w.call_id, w.start_ms, w.end_ms, w.is_rep,"
                + "   sum(w.flip) over (partition by w.call_id order by w.start_ms, w.id rows unbounded preceding) as run_no"
                + "  from (select t.id, t.call_id, t.start_ms, t.end_ms, " + IS_REP + " as is_rep,"
                + "    case when " + IS_REP + " = lag(" + IS_REP + ") over (partition by t.call_id order by t.start_ms, t.id)"
                + "    then 0 else 1 end as flip"
                + "   from transcript_segments t left join call_speakers sp on sp.call_id = t.call_id and sp.speaker = t.party"
                + "   " + where + ") w) x"
                + " group by x.call_id, x.run_no, x.is_rep) y group by y.call_id";
    }

    private static final String INSERT = "insert into call_talk (call_id, rep_ms, total_ms, longest_rep_run_ms) ";

    /** Works out every call's figures (the migration: the table is new and empty). Returns the rows written. */
    public static int fillAll(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            return sql.executeUpdate(INSERT + select(""));
        }
    }

    /**
     * Works out one call's figures again from its stored lines, replacing the old ones; run in one transaction so
     * a reader sees the old row or the new one. Returns the rows written (0: the call has no lines).
     */
    public static int refresh(Connection connection, String callId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from call_talk where call_id = ?");
             PreparedStatement insert = connection.prepareStatement(INSERT + select("where t.call_id = ?"))) {
            delete.setString(1, callId);
            delete.executeUpdate();
            insert.setString(1, callId);
            return insert.executeUpdate();
        }
    }
}
