package io.earpiece.console.export;

import io.earpiece.console.upload.SpeakerNames;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.upload.NameSource;
import io.earpiece.db.outbox.OutboxJobEntity;
import io.earpiece.db.outbox.OutboxJobRepository;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.outbox.OutboxState;
import io.earpiece.summary.CallSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queues one export job per configured exporter for a summarised call, inside the caller's transaction. */
@Component
public class ExportOutbox {

    private static final Pattern SIP_USER = Pattern.compile("^(?:sips?:|tel:)?([^@;>]+)");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9().\\- ]{5,}");

    private final OutboxJobRepository jobs;
    private final ExportPayloads payloads;
    private final ExportConfiguration.Exporters exporters;
    private final ExportProperties properties;

    public ExportOutbox(OutboxJobRepository jobs, ExportPayloads payloads, ExportConfiguration.Exporters exporters,
                        ExportProperties properties) {
        this.jobs = jobs;
        this.payloads = payloads;
        this.exporters = exporters;
        this.properties = properties;
    }

    /** Must join the summary's transaction: a job without its summary, or the reverse, cannot be committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(CallEntity call, CallSummary summary, String summaryText, List<SpeakerNames.PartyName> parties) {
        if (exporters.all().isEmpty()) {
            return 0;
        }
        String payload = payload(call, summary, summaryText, parties);
        for (String exporter : exporters.names()) {
            queue(call.getId(), exporter, call.getId() + "/" + exporter, payload);
        }
        return exporters.names().size();
    }

    /** The export of a summarised call as stored in a job (JSON). */
    public String payload(CallEntity call, CallSummary summary, String summaryText,
                          List<SpeakerNames.PartyName> parties) {
        return payloads.write(export(call, summary, summaryText, parties));
    }

    /**
     * Queues one job for {@code target} (an exporter's name, or one a family exporter handles, such as a routed
     * message's "routing:3"), due now, inside the caller's transaction; returns its id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String queue(String callId, String target, String idempotencyKey, String payload) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        jobs.save(new OutboxJobEntity(id, callId, target, idempotencyKey, payload, OutboxState.PENDING.name(), now,
                now));
        return id;
    }

    CallExport export(CallEntity call, CallSummary summary, String summaryText, List<SpeakerNames.PartyName> parties) {
        boolean customerIsTo = properties.customerUri().equals("to");
        String customerUri = customerIsTo ? call.getToUri() : call.getFromUri();
        String repUri = customerIsTo ? call.getFromUri() : call.getToUri();
        String customerUser = user(customerUri);
        String phone = customerUser != null && PHONE.matcher(customerUser).matches() ? customerUser : null;
        // The customer's name once the call has one (not just its label); the first customer's where several are.
        String customerName = parties.stream().filter(p -> p.role().equals("customer")
                        && !p.source().equals(NameSource.ROLE.value())).map(SpeakerNames.PartyName::name)
                .findFirst().orElse(null);
        // A SIP URI's user@host is not a mailbox, so no e-mail is guessed from it.
        return new CallExport(call.getId(), call.getStartedAt(), user(repUri), customerName, phone, null,
                summary.type().label(), summaryText,
                summary.actionItems().stream().map(a -> new CallExport.ActionItem(a.owner(), a.what(), a.due(),
                        a.dueDate())).toList(),
                summary.objections().stream().map(o -> new CallExport.Objection(o.kind(), o.said(), o.response()))
                        .toList(),
                parties.stream().map(p -> new CallExport.Party(p.party(), p.role(), p.name(), p.source())).toList());
    }

    static String user(String uri) {
        if (uri == null) {
            return null;
        }
        String u = uri.strip();
        int lt = u.indexOf('<');
        if (lt >= 0) {
            u = u.substring(lt + 1);
        }
        Matcher m = SIP_USER.matcher(u);
        return m.find() ? m.group(1) : null;
    }
}
