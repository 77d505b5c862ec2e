package io.earpiece.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The Earpiece server: one JVM that answers calls, transcribes them and serves the console. */
@SpringBootApplication(scanBasePackages = "io.earpiece.console")
@ConfigurationPropertiesScan("io.earpiece.console")
@EntityScan("io.earpiece.db")
@EnableJpaRepositories("io.earpiece.db")
public class EarpieceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EarpieceApplication.class, args);
    }
}
