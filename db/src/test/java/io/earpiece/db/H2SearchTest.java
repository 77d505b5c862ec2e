package io.earpiece.db;

import io.earpiece.db.search.CallSearch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The search contract on the embedded H2 database (portable word match). */
@DataJpaTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:search;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(CallSearch.class)
class H2SearchTest extends SearchContract {

    @Test
    void usesThePortableFallback() {
        assertThat(search.usesDatabaseFullText()).isFalse();
    }
}
