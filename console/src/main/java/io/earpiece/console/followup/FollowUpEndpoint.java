package io.earpiece.console.followup;

import io.earpiece.console.audit.AuditLog;
import io.earpiece.console.summary.SummaryQueries;
import io.earpiece.console.summary.SummaryView;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The follow-up of a call, for whoever may open it (the call access filter answers 404 to anyone else):
 * <ul>
 *   <li>{@code GET /api/calls/{id}/follow-up}: a draft e-mail from the summary, how many calendar entries go with
 *   it and whether this server can send mail;</li>
 *   <li>{@code GET /api/calls/{id}/follow-up.ics}: the action items with due dates as an iCalendar file;</li>
 *   <li>{@code POST /api/calls/{id}/follow-up} with {@code {to, subject, body, attachCalendar}}: sends the edited
 *   e-mail through SMTP with the .ics attached. 400 with the reason for bad recipients or fields, 503 when mail is
 *   not configured, 502 when the mail server refuses it.</li>
 * </ul>
 * A call without a summary is a 404, one that was not transcribed a 409: there is nothing to follow up.
 */
@RestController
public class FollowUpEndpoint {

    static final int MAX_RECIPIENTS = 10;
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;

    /** The draft and what goes with it. */
    public record FollowUp(String subject, String body, int calendarEntries, boolean mailConfigured, String from) {
    }

    /** The edited e-mail to send; {@code to} is a comma-separated list. */
    public record Send(String to, String subject, String body, Boolean attachCalendar) {
    }

    /** What was sent. */
    public record Sent(List<String> to, int calendarEntries, String messageId, Instant sentAt) {
    }

    private final SummaryQueries summaries;
    private final FollowUpMailer mailer;
    private final AuditLog audit;

    public FollowUpEndpoint(SummaryQueries summaries, FollowUpMailer mailer, AuditLog audit) {
        this.summaries = summaries;
        this.mailer = mailer;
        this.audit = audit;
    }

    @GetMapping("/api/calls/{id}/follow-up")
    public Mono<FollowUp> draft(@PathVariable String id, Authentication auth) {
        return Mono.fromCallable(() -> {
            SummaryView s = summary(id);
            FollowUpDrafter.Draft d = FollowUpDrafter.draft(s, auth == null ? null : auth.getName());
            return new FollowUp(d.subject(), d.body(), open(s).size(), mailer.configured(), mailer.from());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(value = "/api/calls/{id}/follow-up.ics")
    public Mono<ResponseEntity<byte[]>> calendar(@PathVariable String id, ServerHttpRequest request) {
        return Mono.fromCallable(() -> {
            SummaryView s = summary(id);
            if (open(s).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open action item of call " + id + " has a due date");
            }
            byte[] ics = CalendarEntries.ics(id, open(s), Instant.now(), host(request), mailer.from()).getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(icsName(id)).build().toString())
                    .body(ics);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/calls/{id}/follow-up")
    public Mono<Sent> send(@PathVariable String id, @RequestBody Send body, Authentication auth,
                           ServerHttpRequest request) {
        List<InternetAddress> to;
        try {
            to = checked(body);
        } catch (ResponseStatusException e) {
            return Mono.error(e);
        }
        if (!mailer.configured()) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "e-mail is not set up on this server (earpiece.mail.host)"));
        }
        String user = auth == null ? null : auth.getName();
        return Mono.fromCallable(() -> {
            SummaryView s = summary(id);
            List<SummaryView.ActionItemView> dated = Boolean.FALSE.equals(body.attachCalendar()) ? List.of() : open(s);
            String ics = dated.isEmpty() ? null : CalendarEntries.ics(id, dated, Instant.now(), host(request), mailer.from());
            String messageId;
            try {
                messageId = mailer.send(new FollowUpMailer.Message(to, body.subject().strip(), body.body(), ics,
                        icsName(id)), null);
            } catch (FollowUpMailer.SendFailedException e) {
                throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage());
            }
            List<String> addresses = to.stream().map(InternetAddress::getAddress).toList();
            audit.record(new AuditLog.Entry(user, AuditLog.FOLLOW_UP_SEND, id,
                    fit("to " + String.join(", ", addresses) + ": " + body.subject().strip(), 500),
                    AuditLog.source(request)));
            return new Sent(addresses, dated.size(), messageId, Instant.now());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The request's fields, checked before anything is read or sent. */
    static List<InternetAddress> checked(Send body) {
        if (body.to() == null || body.to().isBlank()) {
            throw bad("to: at least one recipient is needed");
        }
        if (body.subject() == null || body.subject().isBlank()) {
            throw bad("subject: empty");
        }
        if (body.subject().length() > MAX_SUBJECT) {
            throw bad("subject: longer than " + MAX_SUBJECT + " characters");
        }
        if (body.subject().chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw bad("subject: one line only");
        }
        if (body.body() == null || body.body().isBlank()) {
            throw bad("body: empty");
        }
        if (body.body().length() > MAX_BODY) {
            throw bad("body: longer than " + MAX_BODY + " characters");
        }
        List<InternetAddress> to;
        try {
            to = FollowUpMailer.recipients(body.to());
        } catch (AddressException e) {
            throw bad("to: " + (e.getRef() == null ? "" : "\"" + e.getRef() + "\" ") + "is not an e-mail address ("
                    + e.getMessage().replaceAll(" in string.*", "") + ")");
        }
        if (to.isEmpty()) {
            throw bad("to: at least one recipient is needed");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw bad("to: at most " + MAX_RECIPIENTS + " recipients");
        }
        return to;
    }

    private SummaryView summary(String id) {
        SummaryView s = summaries.find(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no summary for call " + id + " (yet)"));
        if (s.type() == null && s.abstractText() == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "call " + id + " was not transcribed: nothing to follow up");
        }
        return s;
    }

    /** The open items with a due date: done ones need no reminder. */
    private static List<SummaryView.ActionItemView> open(SummaryView s) {
        return CalendarEntries.dated(s.actionItems()).stream().filter(a -> !a.done()).collect(Collectors.toList());
    }

    private static String host(ServerHttpRequest request) {
        String host = request.getURI().getHost();
        return host == null || host.isBlank() ? "earpiece" : host;
    }

    static String icsName(String callId) {
        return "follow-up-" + callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics";
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static ResponseStatusException bad(String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, why);
    }
}
