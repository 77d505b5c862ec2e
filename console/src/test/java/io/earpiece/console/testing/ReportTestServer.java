package io.earpiece.console.testing;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One running server for the tests of the call report, follow-ups, routing and analytics (API and browser): e-mail
 * goes to the in-process {@link SmtpServer}; routed messages link to {@code http://console.test}. Classes with this
 * annotation share the Spring context; each stores its own users and calls under names no other class uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestAuth.ADMIN_PASSWORD_PROPERTY,
        "earpiece.sip.host=127.0.0.1", "earpiece.sip.port=0", "earpiece.sip.public-host=127.0.0.1",
        "earpiece.rtp.host=127.0.0.1", "earpiece.rtp.port-min=44100", "earpiece.rtp.port-max=44149",
        "earpiece.data-dir=target/it-data/report",
        "earpiece.mail.host=127.0.0.1", "earpiece.mail.port=" + SmtpServer.PORT, "earpiece.mail.start-tls=false",
        "earpiece.mail.from=followups@earpiece.test",
        "earpiece.routing.console-url=http://console.test", "earpiece.routing.webhook-signing-secret="
        + ReportTestServer.WEBHOOK_SECRET,
        "spring.datasource.url=jdbc:h2:mem:report;DB_CLOSE_DELAY=-1"})
public @interface ReportTestServer {
    /** What routed webhooks are signed with. */
    String WEBHOOK_SECRET = "routing-webhook-secret-for-tests";
}
