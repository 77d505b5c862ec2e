package io.earpiece.console.testing;

import io.earpiece.console.EarpieceApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The server as {@code ./earpiece run} starts it, but transcribing with the {@link ReplaySpeechRecognizer} of the
 * synth-call reference named by {@code earpiece.test.replay-reference}; {@link ServerProcess} runs it in a JVM of
 * its own so that a test can kill it. Test-only: production has no way to select it.
 */
public final class ReplayServer {

    private ReplayServer() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(EarpieceApplication.class, Replay.class)
                .initializers(TestClassesExcluded::register)
                .run(args);
    }

    // @TestConfiguration, so that no @SpringBootTest context picks it up in its component scan.
    @TestConfiguration(proxyBeanMethods = false)
    static class Replay {
        @Bean
        ReplaySpeechRecognizer replaySpeechRecognizer(@Value("${earpiece.test.replay-reference}") Path reference)
                throws IOException {
            ReplaySpeechRecognizer recognizer = new ReplaySpeechRecognizer();
            recognizer.use(ReferenceTranscript.read(reference));
            return recognizer;
        }
    }
}
