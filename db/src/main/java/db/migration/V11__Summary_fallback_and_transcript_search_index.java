package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Version 11: why a summary is the offline one although a model was configured ({@code engine_fallback}), and on
 * PostgreSQL a GIN index over the transcript text's English tsvector, the exact expression the call search
 * filters on. H2 has no tsvector (its search is a portable word match), so the index is created only where the
 * database says it is PostgreSQL; a Java migration keeps this one version for both databases without a
 * per-vendor location that every Flyway configuration would have to name.
 */
public class V11__Summary_fallback_and_transcript_search_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE call_summaries ADD COLUMN engine_fallback VARCHAR(32)");
            if (isPostgres(connection)) {
                sql.execute("CREATE INDEX transcript_segments_text_fts_idx ON transcript_segments"
                        + " USING gin (to_tsvector('english', text))");
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
