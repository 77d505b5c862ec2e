package io.earpiece.db;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** Runs the repository contract on the embedded H2 database, migrated by Flyway, schema validated by Hibernate. */
@DataJpaTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:repo;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class H2RepositoryTest extends RepositoryContract {
}
