package io.earpiece.console.analytics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a call's stored talk figures ({@code call_talk}) against its stored lines, worked out here in Java line by
 * line (not with the SQL under test): the rep's and everyone's talk time and the rep's longest run of lines.
 */
public final class StoredTalk {

    private StoredTalk() {
    }

    public static void matchesTheTranscript(JdbcTemplate jdbc, String callId) {
        List<Map<String, Object>> lines = jdbc.queryForList("select t.start_ms, t.end_ms,"
                + " case when t.party = 'rep' or sp.role = 'rep' then 1 else 0 end as is_rep from transcript_segments t"
                + " left join call_speakers sp on sp.call_id = t.call_id and sp.speaker = t.party"
                + " where t.call_id = ? order by t.start_ms, t.id", callId);
        assertThat(lines).as("lines of call %s", callId).isNotEmpty();
        long rep = 0;
        long all = 0;
        long longest = 0;
        long runStart = -1;
        long runEnd = 0;
        for (Map<String, Object> line : lines) {
            long start = ((Number) line.get("start_ms")).longValue();
            long end = ((Number) line.get("end_ms")).longValue();
            boolean isRep = ((Number) line.get("is_rep")).intValue() == 1;
            all += end - start;
            if (isRep) {
                rep += end - start;
                runStart = runStart < 0 ? start : runStart;
                runEnd = Math.max(runEnd, end);
                longest = Math.max(longest, runEnd - runStart);
            } else {
                runStart = -1;
                runEnd = 0;
            }
        }
        Map<String, Object> stored = jdbc.queryForMap("select rep_ms, total_ms, coalesce(longest_rep_run_ms, 0) as longest"
                + " from call_talk where call_id = ?", callId);
        assertThat(((Number) stored.get("rep_ms")).longValue()).as("rep talk of %s", callId).isEqualTo(rep);
        assertThat(((Number) stored.get("total_ms")).longValue()).as("talk of %s", callId).isEqualTo(all);
        assertThat(((Number) stored.get("longest")).longValue()).as("longest monologue of %s", callId).isEqualTo(longest);
    }
}
