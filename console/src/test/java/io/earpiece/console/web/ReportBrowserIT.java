package io.earpiece.console.web;

import io.earpiece.console.testing.BrowserScript;
import io.earpiece.console.testing.ReportTestServer;
import io.earpiece.console.testing.SmtpServer;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import io.earpiece.console.testing.SummarisedCall;
import io.earpiece.console.testing.TestAuth;
import io.earpiece.db.summary.ActionItemRepository;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.db.routing.RoutedMessageEntity;
import io.earpiece.db.routing.RoutedMessageRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manager-facing pages in a real browser (scripts in {@code console/web/e2e}), each at 1440×900 and 390×844 with
 * axe-core: the call page as a report (driven by {@code call-report.mjs}) as the call's rep, with the follow-up
 * e-mail edited and sent from it (to the in-process SMTP server); the managers' analytics home (driven by
 * {@code analytics.mjs}) as a manager of the call's team; that manager's routing rules and the call's routed entries
 * (driven by {@code routing.mjs}).
 */
@ReportTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserIT {

    static final String CALL = "browser-report-call";
    static final String MARK = "edited in the browser test";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext spring;
    @Autowired
    ActionItemRepository actions;

    @BeforeAll
    void aSummarisedCall() throws Exception {
        SmtpServer.running();
        String why = BrowserScript.unavailable();
        assumeTrue(why == null, "SKIPPED ReportBrowserIT: " + why);
        TestAuth.user(port, "browser-rina", "REP", "browser-red", "browserrina", null);
        TestAuth.user(port, "browser-mgr", "MANAGER", "browser-red", null, null);
        SummarisedCall.store(spring, CALL, "browserrina", Instant.now().minus(2, ChronoUnit.DAYS),
                LocalDate.now().minusDays(1), Path.of("target/it-data/report/browser-recordings"));
    }

    @Test
    void theCallPageIsAReport() throws Exception {
        Map<String, String> env = env("browser-rina");
        env.put("CALL_ID", CALL);
        env.put("ABSTRACT", SummarisedCall.ABSTRACT);
        env.put("FOLLOW_UP_MARK", MARK);
        BrowserScript.Result run = BrowserScript.run("call-report.mjs", env, Duration.ofMinutes(3));
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", run.output()).isZero();
        assertThat(actions.findByCallIdAndSeq(CALL, 0).orElseThrow().getDoneBy())
                .as("the item ticked in the browser is stored as done by the rep").isEqualTo("browser-rina");
        MimeMessage mail = SmtpServer.awaitMessage(m -> to(m).contains("dana@customer.example")
                && body(m).contains(MARK), Duration.ofSeconds(10)).orElse(null);
        assertThat(mail).as("the follow-up edited in the browser reached the SMTP server").isNotNull();
    }

    /** As the call's team's manager: Admin > Routing's editor, then the call page's Routed block. */
    @Test
    void managersEditRoutingRulesAndSeeWhatWasRouted() throws Exception {
        String matched = "{\"callType\":\"support\",\"phrases\":[\"cancel my account\"]}";
        String reason = "call type support; said \"cancel my account\"";
        Instant at = Instant.now();
        OutboxJobRepository jobs = spring.getBean(OutboxJobRepository.class);
        RoutedMessageRepository routed = spring.getBean(RoutedMessageRepository.class);
        jobs.save(new OutboxJobEntity("routed-job-0", CALL, "routing:0", "routed/browser-0", "{}", "DELIVERED", at, at));
        RoutedMessageEntity mail = new RoutedMessageEntity("browser-0", CALL, 0, "Cancellation risk", true, reason,
                matched, "email", "team lead browser-mgr <mgr@red.example>", "mgr@red.example", "s", "b", at);
        mail.deliverBy("routed-job-0");
        routed.save(mail);
        jobs.save(new OutboxJobEntity("routed-job-1", CALL, "routing:1", "routed/browser-1", "{}", "FAILED", at, at));
        RoutedMessageEntity slack = new RoutedMessageEntity("browser-1", CALL, 1, "Cancellation risk", true, reason,
                matched, "slack", "Slack hooks.slack.com/…x1y2", "https://hooks.slack.com/x1y2", "s", "b", at);
        slack.deliverBy("routed-job-1");
        routed.save(slack);
        Map<String, String> env = env("browser-mgr");
        env.put("CALL_ID", CALL);
        env.put("TEAM", "browser-red");
        BrowserScript.Result run = BrowserScript.run("routing.mjs", env, Duration.ofMinutes(3));
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", run.output()).isZero();
    }

    @Test
    void managersLandOnAnalytics() throws Exception {
        BrowserScript.Result run = BrowserScript.run("analytics.mjs", env("browser-mgr"), Duration.ofMinutes(3));
        assertThat(run.exitCode()).as("browser script exit code; output:%n%s", run.output()).isZero();
    }

    static String to(MimeMessage m) {
        try {
            return java.util.Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            return "";
        }
    }

    static String body(MimeMessage m) {
        try {
            return GreenMailUtil.getBody(m);
        } catch (Exception e) {
            return "";
        }
    }

    Map<String, String> env(String user) {
        Map<String, String> env = new HashMap<>(Map.of(
                "BASE_URL", "http://127.0.0.1:" + port,
                "OUT_DIR", Path.of("target/browser").toAbsolutePath().toString(),
                "CHROMIUM", BrowserScript.CHROMIUM.toString(),
                "E2E_USERNAME", user, "E2E_PASSWORD", TestAuth.USER_PASSWORD));
        return env;
    }
}
