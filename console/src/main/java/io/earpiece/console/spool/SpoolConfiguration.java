package io.earpiece.console.spool;

import io.earpiece.console.config.EarpieceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** The journal in {@code <data-dir>/spool}, opened (and what a crash left read back) when the server starts. */
@Configuration(proxyBeanMethods = false)
public class SpoolConfiguration {

    @Bean(destroyMethod = "close")
    Spool spool(SpoolProperties properties, EarpieceProperties earpiece) throws IOException {
        return new Spool(earpiece.dataDir().resolve("spool"), properties.maxBytes().toBytes(),
                properties.fileBytes().toBytes());
    }
}
