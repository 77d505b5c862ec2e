package io.earpiece.console.upload;

import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.console.testing.TestAuth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drag-and-drop upload in a real browser: headless Chromium (driven by {@code console/web/e2e/upload.mjs})
 * drops a text file named .mp3 (refused with the server's reason, no job made) and a dev call's MP3, follows
 * the progress bar through the stages to done, opens the call and renames a speaker, which sticks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47800", "earpiece.rtp.port-max=47849",
        "earpiece.data-dir=target/it-data/upload-browser",
        "spring.datasource.url=jdbc:h2:mem:uploadbrowser;DB_CLOSE_DELAY=-1"})
class UploadBrowserIT {

    static final Pattern CALL_ID = Pattern.compile("^CALL_ID=(\\S+)$", Pattern.MULTILINE);

    static SynthCall call;

    @TestConfiguration
    static class Speech {
        @Bean
        TimedReferenceRecognizer timedReferenceRecognizer() {
            return new TimedReferenceRecognizer();
        }
    }

    @Autowired
    TimedReferenceRecognizer recognizer;
    @Autowired
    UploadJobs jobs;
    @Autowired
    SpeakerNames speakers;
    @LocalServerPort
    int port;

    @BeforeAll
    static void browserAndFixtures() throws Exception {
        String why = BrowserScript.unavailable();
        assumeTrue(why == null, "SKIPPED UploadBrowserIT: " + why);
        call = SynthCall.generate("budget-freeze");
    }

    @Test
    void repDropsARecordingAndFollowsItToItsCall() throws Exception {
        recognizer.use(call.reference());
        // slow enough that the page sees the transcription stage move, as it would with Whisper
        recognizer.delay(300);
        Path bad = Files.createDirectories(Path.of("target/it-data/upload-browser")).resolve("notes.mp3");
        Files.writeString(bad, "meeting notes, not a recording\n".repeat(40));

        Map<String, String> env = new HashMap<>();
        env.put("BASE_URL", "http://127.0.0.1:" + port);
        env.put("FILE", call.dir().resolve("budget-freeze.mp3").toAbsolutePath().toString());
        env.put("BAD_FILE", bad.toAbsolutePath().toString());
        env.put("OUT_DIR", Path.of("target/browser").toAbsolutePath().toString());
        env.put("E2E_USERNAME", TestAuth.ADMIN);
        env.put("E2E_PASSWORD", TestAuth.ADMIN_PASSWORD);
        BrowserScript.Result run = BrowserScript.run("upload.mjs", env, Duration.ofMinutes(4));
        String output = run.output();
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", output).isZero();

        Matcher m = CALL_ID.matcher(output);
        assertThat(m.find()).as("script reports the call it opened").isTrue();
        String callId = m.group(1);
        List<UploadView> all = jobs.recent(10);
        assertThat(all).as("the refused file made no job; the recording made one").hasSize(1);
        assertThat(all.get(0).state()).isEqualTo("DONE");
        assertThat(all.get(0).callId()).isEqualTo(callId);
        assertThat(all.get(0).uploadedBy()).isEqualTo(TestAuth.ADMIN);
        assertThat(all.get(0).rep()).as("the page's rep choice").isEqualTo("Speaker 2");
        assertThat(speakers.roles(callId)).containsEntry("Speaker 2", "rep").containsEntry("Speaker 1", "customer");
        assertThat(speakers.names(callId).orElseThrow()).containsEntry("Speaker 2", "Dana (rep)");
    }
}
