package io.earpiece.db;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boot configuration for the repository tests of this module. */
@SpringBootApplication
public class DbTestApplication {
}
