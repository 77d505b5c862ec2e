package io.earpiece.console.upload;

import io.earpiece.console.EarpieceApplication;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.summary.SummaryRepository;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server stops while a recording is being transcribed (a slow recognizer keeps it there); a new server on
 * the same database file resumes the job from the stored file and finishes it exactly once: one call, each
 * segment once, one summary.
 */
class UploadRestartIT {

    static final String CALL = "budget-freeze";
    static final Path DATA = Path.of("target/it-data/upload-restart").toAbsolutePath();

    @Configuration(proxyBeanMethods = false)
    static class SlowSpeech {
        @Bean
        TimedReferenceRecognizer timedReferenceRecognizer() {
            return new TimedReferenceRecognizer();
        }
    }

    ConfigurableApplicationContext start(long delayMs, SynthCall synth) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(EarpieceApplication.class, SlowSpeech.class)
                .web(WebApplicationType.REACTIVE)
                // command-line arguments: they outrank application.yml (default properties would not)
                .run("--server.port=0", "--" + io.earpiece.console.testing.TestAuth.ADMIN_PASSWORD_PROPERTY, "--earpiece.sip.host=127.0.0.1", "--earpiece.sip.port=0",
                        "--earpiece.sip.public-host=127.0.0.1", "--earpiece.rtp.host=127.0.0.1",
                        "--earpiece.rtp.port-min=47500", "--earpiece.rtp.port-max=47599",
                        "--earpiece.data-dir=" + DATA, "--earpiece.uploads.threads=1");
        TimedReferenceRecognizer recognizer = ctx.getBean(TimedReferenceRecognizer.class);
        recognizer.use(synth.reference());
        recognizer.delay(delayMs);
        return ctx;
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    void aJobStoppedMidTranscriptionResumesAndFinishesOnce() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        SynthCall synth = SynthCall.generate(CALL);
        String jobId;
        ConfigurableApplicationContext first = start(1_000, synth);
        try {
            UploadClient client = new UploadClient(port(first));
            jobId = client.accepted(synth.dir().resolve(CALL + ".stereo.wav"), "restart.wav").id();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                UploadView v = client.job(jobId);
                return v.stage().equals("TRANSCRIBING") && v.percent() > 10;
            });
            assertThat(client.job(jobId).state()).isEqualTo("RUNNING");
        } finally {
            first.close();
        }
        ConfigurableApplicationContext second = start(0, synth);
        try {
            UploadClient client = new UploadClient(port(second));
            UploadView done = client.awaitFinal(jobId, Duration.ofSeconds(60));
            assertThat(done.state()).as(done.reason()).isEqualTo("DONE");
            assertThat(done.attempts()).isEqualTo(2);
            CallRepository calls = second.getBean(CallRepository.class);
            assertThat(calls.findAll()).hasSize(1);
            assertThat(second.getBean(TranscriptSegmentRepository.class).countByCallId(done.callId()))
                    .isEqualTo(synth.reference().utterances().size());
            client.awaitSummary(done.callId());
            assertThat(second.getBean(SummaryRepository.class).count()).isEqualTo(1);
        } finally {
            second.close();
        }
    }
}
