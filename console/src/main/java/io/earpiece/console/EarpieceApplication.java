package io.earpiece.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Earpiece server: one JVM that answers calls, transcribes them and serves the console. */
@SpringBootApplication(scanBasePackages = "io.earpiece")
@ConfigurationPropertiesScan("io.earpiece")
public class EarpieceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EarpieceApplication.class, args);
    }
}
