package io.earpiece.db;

import io.earpiece.db.search.CallSearch;
import io.earpiece.db.search.SearchCriteria;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The search contract on PostgreSQL (tsvector full-text), named like {@link PostgresRepositoryIT}. */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(CallSearch.class)
class PostgresSearchIT extends SearchContract {

    @BeforeAll
    static void needsPostgres() {
        PostgresRepositoryIT.needsPostgres();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresRepositoryIT.postgres(registry);
    }

    @Test
    void usesPostgresTextSearchWithStemming() {
        threeCalls();
        assertThat(search.usesDatabaseFullText()).isTrue();
        // "migrations" stems to the same lexeme as "migration": only real full-text search finds it.
        assertThat(search.search(new SearchCriteria("migrations", null, null, null, null, null, null, 0, 5)).hits())
                .extracting(h -> h.callId()).containsExactly("s-timing");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void transcriptTextSearchCanUseTheGinIndex() {
        threeCalls();
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                "transcript_segments_text_fts_idx")).singleElement().asString().contains("gin", "to_tsvector");
        // Three rows make a sequential scan cheaper; with it off the planner shows whether the index matches.
        jdbc.execute("set local enable_seqscan = off");
        List<String> plan = jdbc.queryForList("explain select c.id from calls c where exists (select 1 from"
                + " transcript_segments t where t.call_id = c.id and to_tsvector('english', t.text)"
                + " @@ plainto_tsquery('english', 'migrations'))", String.class);
        assertThat(String.join("\n", plan)).contains("transcript_segments_text_fts_idx");
    }
}
