package io.earpiece.console.followup;

import io.earpiece.console.testing.ReportTestServer;
import io.earpiece.console.testing.SmtpServer;
import io.earpiece.console.testing.SummarisedCall;
import io.earpiece.console.testing.TestAuth;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups over HTTP with a real SMTP server in-process (GreenMail): the draft carries the recap, the action
 * items and the next meeting; the .ics download and the one attached to the sent e-mail are read back with an
 * RFC 5545 parser (ical4j) and validated; the e-mail sent is the edited text; bad requests get 400 with the reason
 * and send nothing; other people's calls are 404.
 */
@ReportTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpMailIT {

    static final String CALL = "follow-up-call";
    static final LocalDate DUE = LocalDate.of(2026, 11, 6);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext spring;

    @BeforeAll
    void aSummarisedCall() throws Exception {
        SmtpServer.running();
        TestAuth.user(port, "fiona", "REP", "follow-up-red", "fiona", null);
        TestAuth.user(port, "fred", "REP", "follow-up-blue", "fred", null);
        SummarisedCall.store(spring, CALL, "fiona", Instant.parse("2026-11-02T10:00:00Z"), DUE,
                Path.of("target/it-data/report/follow-up"));
    }

    @Test
    void theDraftRecapsTheCallWithItsActionItems() {
        TestAuth.asUser(port, "fiona").get().uri("/api/calls/{id}/follow-up", CALL).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("Follow-up on our call of Monday 2 November 2026")
                .jsonPath("$.body").value(b -> assertThat((String) b)
                        .contains(SummarisedCall.ABSTRACT)
                        .contains("- Send the proposal (me, by Friday 6 November 2026)")
                        .contains("- Review the proposal with the team (you)")
                        .contains("Next meeting: ")
                        .contains("attached as calendar entries")
                        .endsWith("Best regards,\nfiona\n"))
                .jsonPath("$.calendarEntries").isEqualTo(1)
                .jsonPath("$.mailConfigured").isEqualTo(true);
    }

    @Test
    void theCalendarFileIsValidRfc5545() throws Exception {
        byte[] ics = TestAuth.asUser(port, "fiona").get().uri("/api/calls/{id}/follow-up.ics", CALL).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"follow-up-follow-up-call.ics\"")
                .expectBody().returnResult().getResponseBody();
        assertEntries(new ByteArrayInputStream(ics));
    }

    @Test
    void theEditedEmailIsSentWithTheCalendarAttached() throws Exception {
        String edited = "Hello Dana,\n\nEdited in the page: the proposal follows by Friday.\n\nBest,\nFiona\n";
        TestAuth.asUser(port, "fiona").post().uri("/api/calls/{id}/follow-up", CALL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", "Dana Customer <dana@customer.example>, ops@customer.example",
                        "subject", "Our call: next steps", "body", edited, "attachCalendar", true))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.to[0]").isEqualTo("dana@customer.example")
                .jsonPath("$.to[1]").isEqualTo("ops@customer.example")
                .jsonPath("$.calendarEntries").isEqualTo(1);
        MimeMessage mail = SmtpServer.awaitMessage(m -> subject(m).equals("Our call: next steps"), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no e-mail reached the SMTP server"));
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("Dana Customer <dana@customer.example>", "ops@customer.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("followups@earpiece.test");
        Multipart parts = (Multipart) mail.getContent();
        String text = null;
        BodyPart calendar = null;
        for (BodyPart p : parts(parts)) {
            if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            } else if (p.isMimeType("text/calendar")) {
                calendar = p;
            }
        }
        assertThat(text.replace("\r\n", "\n")).as("the edited text, as SMTP carries it (CRLF)").isEqualTo(edited);
        assertThat(calendar).as("a text/calendar attachment").isNotNull();
        assertThat(calendar.getFileName()).isEqualTo("follow-up-follow-up-call.ics");
        assertEntries(calendar.getInputStream());
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndSendNothing() {
        WebTestClient fiona = TestAuth.asUser(port, "fiona");
        int before = SmtpServer.running().getReceivedMessages().length;
        Map<String, String> ok = Map.of("to", "dana@customer.example", "subject", "Next steps", "body", "Hello");
        refused(fiona, with(ok, "to", "not an address"), "to: ");
        refused(fiona, with(ok, "to", "dana@customer.example, @nobody"), "to: ");
        refused(fiona, with(ok, "to", ""), "to: at least one recipient is needed");
        refused(fiona, with(ok, "to", String.join(",", java.util.Collections.nCopies(11, "a@b.example"))),
                "to: at most 10 recipients");
        refused(fiona, with(ok, "subject", "Next steps\r\nBcc: everyone@example.com"), "subject: one line only");
        refused(fiona, with(ok, "subject", "x".repeat(201)), "subject: longer than 200 characters");
        refused(fiona, with(ok, "body", " "), "body: empty");
        fiona.post().uri("/api/calls/{id}/follow-up", CALL).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"to\":")
                .exchange().expectStatus().isBadRequest();
        TestAuth.asUser(port, "fred").post().uri("/api/calls/{id}/follow-up", CALL).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ok).exchange().expectStatus().isNotFound();
        TestAuth.asUser(port, "fred").get().uri("/api/calls/{id}/follow-up.ics", CALL).exchange().expectStatus().isNotFound();
        assertThat(SmtpServer.running().getReceivedMessages()).hasSize(before);
    }

    static void refused(WebTestClient client, Map<String, String> body, String reason) {
        client.post().uri("/api/calls/{id}/follow-up", CALL).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.message")
                .value(m -> assertThat((String) m).startsWith(reason));
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    /** One valid calendar with one all-day event for the dated, open item. */
    static void assertEntries(InputStream ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(ics);
        assertThat(calendar.validate().hasErrors()).as("RFC 5545 validation: %s", calendar.validate()).isFalse();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Send the proposal");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261106");
        assertThat(value(event, Property.DTEND)).isEqualTo("20261107");
        assertThat(value(event, Property.UID)).startsWith(CALL + "-0@");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:followups@earpiece.test");
        assertThat(value(event, Property.DESCRIPTION)).contains("owner: rep", "due as said: by Friday");
    }

    static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    static List<BodyPart> parts(Multipart m) throws Exception {
        List<BodyPart> out = new java.util.ArrayList<>();
        for (int i = 0; i < m.getCount(); i++) {
            BodyPart p = m.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                out.addAll(parts(inner));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
