package io.earpiece.db;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the repository contract on a real PostgreSQL named by {@code EARPIECE_TEST_POSTGRES_URL}
 * (.ci/run starts one); in CI a missing database is a failure, elsewhere the test is skipped.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class PostgresRepositoryIT extends RepositoryContract {

    static final String URL = System.getenv("EARPIECE_TEST_POSTGRES_URL");

    @BeforeAll
    static void needsPostgres() {
        if (URL == null && "true".equals(System.getenv("CI"))) {
            fail("EARPIECE_TEST_POSTGRES_URL is not set; .ci/run should have started PostgreSQL");
        }
        assumeTrue(URL != null, "EARPIECE_TEST_POSTGRES_URL not set: PostgreSQL repository tests skipped");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (URL != null) {
            registry.add("spring.datasource.url", () -> URL);
            registry.add("spring.datasource.username", () -> env("EARPIECE_TEST_POSTGRES_USER", "earpiece"));
            registry.add("spring.datasource.password", () -> env("EARPIECE_TEST_POSTGRES_PASSWORD", "earpiece"));
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
