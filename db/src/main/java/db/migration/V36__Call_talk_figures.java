package db.migration;

import io.earpiece.db.analytics.CallTalkFigures;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 36: {@code call_talk}, each call's talk figures stored once its transcript is final, so the analytics
 * dashboard adds up a row per call instead of every line (see {@link CallTalkFigures}). A Java migration so that the
 * calls already stored are filled by the same SQL the console runs for each new call, not by a copy of it.
 */
public class V36__Call_talk_figures extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement sql = context.getConnection().createStatement()) {
            // Deleted with its call like the call's other rows; the figures are derived, so nothing is lost.
            sql.execute("CREATE TABLE call_talk ("
                    + " call_id            VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,"
                    + " rep_ms             BIGINT      NOT NULL,"
                    + " total_ms           BIGINT      NOT NULL,"
                    + " longest_rep_run_ms BIGINT)");
        }
        CallTalkFigures.fillAll(context.getConnection());
    }
}
