package io.earpiece.db;

import io.earpiece.db.search.CallSearch;
import io.earpiece.db.search.SearchCriteria;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
}
