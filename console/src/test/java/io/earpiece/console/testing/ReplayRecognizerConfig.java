package io.earpiece.console.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The test-only {@link ReplaySpeechRecognizer} as the server's recognizer, for the ITs whose calls need real words:
 * {@code @Import(ReplayRecognizerConfig.class)} on the test class, then {@code recognizer.use(reference)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReplayRecognizerConfig {

    @Bean
    ReplaySpeechRecognizer replaySpeechRecognizer() {
        return new ReplaySpeechRecognizer();
    }
}
