package io.earpiece.console.web;

import org.springframework.context.annotation.Import;
import io.earpiece.console.testing.ReplayRecognizerConfig;
import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.ReplaySpeechRecognizer;
import io.earpiece.console.testing.SipLegs;
import io.earpiece.console.testing.SynthCall;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.sip.SipGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rep console in a real browser: sipp places a two-party call, and while it is live headless Chromium
 * (driven by {@code console/web/e2e/live-call.mjs} with playwright-core) watches the transcript and cards,
 * copies a tip, marks a card used, survives a dropped WebSocket, and screenshots each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=47400", "earpiece.rtp.port-max=47499",
        "earpiece.rtp.media-timeout=10s",
        "earpiece.data-dir=target/it-data/browser",
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        // Read by the sign-in bootstrap once it exists; harmless before.
        "earpiece.auth.admin-password=" + ConsoleBrowserIT.ADMIN_PASSWORD})
@Import(ReplayRecognizerConfig.class)
class ConsoleBrowserIT {

    static final String ADMIN_PASSWORD = "browser-it-Secret-1";
    static final Pattern USED_CARD = Pattern.compile("^USED_CARD=(\\d+)$", Pattern.MULTILINE);
    static final int FADE_SECONDS = 4;

    static SynthCall call;

    @Autowired
    SipGateway gateway;
    @Autowired
    ReplaySpeechRecognizer recognizer;
    @Autowired
    CallRepository calls;
    @Autowired
    PartyRepository parties;
    @Autowired
    CardRepository cards;
    @LocalServerPort
    int httpPort;


    @BeforeAll
    static void browserAndFixtures() throws Exception {
        String noBrowser = BrowserScript.unavailable();
        assumeTrue(noBrowser == null, "SKIPPED ConsoleBrowserIT: " + noBrowser);
        assumeTrue(commandWorks("node", "--version"), "SKIPPED ConsoleBrowserIT: node is not on the PATH");
        call = SynthCall.generate("budget-freeze");
    }

    @Test
    void repFollowsALiveCallInTheBrowser() throws Exception {
        recognizer.use(call.reference());
        String conv = "browser-" + UUID.randomUUID();
        Path out = Path.of("target/browser").toAbsolutePath();
        String output;
        String callId;
        try (SipLegs legs = SipLegs.start(call, conv, "127.0.0.1", gateway.port(), 1)) {
            CallEntity live = await().atMost(Duration.ofSeconds(20)).until(() -> find(conv),
                    c -> c != null && parties.findByCallIdOrderByIdAsc(c.getId()).size() == 2);
            callId = live.getId();
            Process browser = script(callId, out);
            StringBuilder lines = new StringBuilder();
            Thread pump = BrowserScript.pump(browser, "browser", lines);
            legs.awaitSuccess(Duration.ofSeconds((long) call.reference().duration_s() + 60));
            boolean finished = browser.waitFor(150, TimeUnit.SECONDS);
            if (!finished) {
                browser.destroyForcibly();
            }
            pump.join(5_000);
            output = lines.toString();
            assertThat(finished).as("browser script finished in time; output:%n%s", output).isTrue();
            assertThat(browser.exitValue()).as("browser script exit code; output:%n%s", output).isZero();
        }

        Matcher used = USED_CARD.matcher(output);
        assertThat(used.find()).as("script reports the card it marked used").isTrue();
        CardEntity card = cards.findById(Long.parseLong(used.group(1))).orElseThrow();
        assertThat(card.getCallId()).isEqualTo(callId);
        assertThat(card.getFeedback()).as("feedback stored for card %s", card.getId()).isEqualTo("used");
        for (String shot : new String[] {"console-idle.png", "console-live.png", "console-call.png", "console-narrow.png"}) {
            assertThat(out.resolve(shot)).as("screenshot %s", shot).isNotEmptyFile();
        }
    }

    private CallEntity find(String conversation) {
        return calls.findAllByOrderByStartedAtDesc(PageRequest.of(0, 50)).stream()
                .filter(c -> c.getConversationId().startsWith(conversation)).findFirst().orElse(null);
    }

    private Process script(String callId, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", "e2e/live-call.mjs").directory(BrowserScript.WEB.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("BASE_URL", "http://127.0.0.1:" + httpPort);
        env.put("CALL", callId);
        env.put("FADE_S", String.valueOf(FADE_SECONDS));
        env.put("OUT_DIR", out.toString());
        env.put("CHROMIUM", BrowserScript.CHROMIUM.toString());
        env.put("E2E_USERNAME", "admin");
        env.put("E2E_PASSWORD", ADMIN_PASSWORD);
        BrowserScript.docsScreenshots(env);
        return pb.start();
    }
    private static boolean commandWorks(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
