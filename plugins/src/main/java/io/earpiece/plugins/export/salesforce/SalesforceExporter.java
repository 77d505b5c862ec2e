package io.earpiece.plugins.export.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.IdempotentSteps;
import io.earpiece.plugins.export.http.HttpOutcome;
import io.earpiece.plugins.export.http.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports to Salesforce over REST: gets an access token with the OAuth 2.0 refresh-token flow, finds the Contact
 * (else an unconverted Lead) by e-mail or phone with SOQL, creates a ContentNote with the summary linked to that
 * record (ContentDocumentLink), and a Task per action item ({@code WhoId} the record). An expired session
 * (401 INVALID_SESSION_ID) refreshes the token once and retries the request.
 *
 * <p>Idempotency: Salesforce's sObject create takes no idempotency key, so the note title and each task subject
 * end with a marker ("(ref ep...)"); before creating, the ledger and then a SOQL query on that exact title or
 * subject are consulted, so a retry after a lost response finds the first copy.
 */
public final class SalesforceExporter implements Exporter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SalesforceConfig config;
    private final JsonHttp http;
    private final IdempotentSteps steps;
    private final AtomicReference<Session> session = new AtomicReference<>();

    public SalesforceExporter(SalesforceConfig config, JsonHttp http, DeliveryLedger ledger) {
        this.config = config;
        this.http = http;
        this.steps = new IdempotentSteps(ledger);
    }

    /** An access token and the instance it is valid for. */
    private record Session(String accessToken, String instanceUrl) {
        @Override
        public String toString() {
            return "Session[instance=" + instanceUrl + ", token=***]";
        }
    }

    @FunctionalInterface
    private interface RequestFor {
        HttpRequest.Builder build(Session s) throws ExportFailure;
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        try {
            Optional<String> who = findWho(export);
            if (who.isEmpty()) {
                return DeliveryResult.permanent("salesforce: no Contact or Lead matches the customer's e-mail or phone");
            }
            String whoId = who.get();
            String title = "Call summary " + export.startedAt().atZone(ZoneOffset.UTC).toLocalDate()
                    + " (ref " + IdempotentSteps.marker(idempotencyKey, "note") + ")";
            String note = steps.once(idempotencyKey, "note",
                    () -> queryId("SELECT Id FROM ContentNote WHERE Title = " + Soql.literal(title) + " LIMIT 1"),
                    () -> create("ContentNote", noteBody(title, export)));
            steps.once(idempotencyKey, "note-link",
                    () -> queryId("SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = "
                            + Soql.literal(note) + " AND LinkedEntityId = " + Soql.literal(whoId) + " LIMIT 1"),
                    () -> create("ContentDocumentLink", link(note, whoId)));
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < export.actionItems().size(); i++) {
                CallExport.ActionItem item = export.actionItems().get(i);
                String step = "task:" + i;
                String subject = truncate(item.title(), 200) + " (ref " + IdempotentSteps.marker(idempotencyKey, step)
                        + ")";
                tasks.add(steps.once(idempotencyKey, step,
                        () -> queryId("SELECT Id FROM Task WHERE Subject = " + Soql.literal(subject)
                                + " AND WhoId = " + Soql.literal(whoId) + " LIMIT 1"),
                        () -> create("Task", task(subject, item, export, whoId))));
            }
            return DeliveryResult.delivered("salesforce: note " + note + " on " + whoId + ", tasks " + tasks);
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    private Optional<String> findWho(CallExport export) throws ExportFailure {
        List<String> contactTerms = new ArrayList<>();
        List<String> leadTerms = new ArrayList<>();
        if (export.customerEmail() != null) {
            contactTerms.add("Email = " + Soql.literal(export.customerEmail()));
            leadTerms.add("Email = " + Soql.literal(export.customerEmail()));
        }
        if (export.customerPhone() != null) {
            String phone = Soql.literal(export.customerPhone());
            contactTerms.add("Phone = " + phone);
            contactTerms.add("MobilePhone = " + phone);
            leadTerms.add("Phone = " + phone);
            leadTerms.add("MobilePhone = " + phone);
        }
        if (contactTerms.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> contact = queryId("SELECT Id FROM Contact WHERE " + String.join(" OR ", contactTerms)
                + " ORDER BY LastModifiedDate DESC LIMIT 1");
        if (contact.isPresent()) {
            return contact;
        }
        return queryId("SELECT Id FROM Lead WHERE IsConverted = false AND (" + String.join(" OR ", leadTerms)
                + ") ORDER BY LastModifiedDate DESC LIMIT 1");
    }

    private Optional<String> queryId(String soql) throws ExportFailure {
        JsonNode answer = call("salesforce query", s -> HttpRequest.newBuilder(URI.create(s.instanceUrl()
                        + "/services/data/" + config.apiVersion() + "/query?q="
                        + URLEncoder.encode(soql, StandardCharsets.UTF_8))).header("Accept", "application/json").GET());
        JsonNode id = answer.path("records").path(0).path("Id");
        return id.isMissingNode() ? Optional.empty() : Optional.of(id.asText());
    }

    private String create(String sObject, ObjectNode body) throws ExportFailure {
        JsonNode answer = call("salesforce create " + sObject, s -> http.postJson(URI.create(s.instanceUrl()
                + "/services/data/" + config.apiVersion() + "/sobjects/" + sObject), body));
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new ExportFailure(DeliveryResult.retryable("salesforce create " + sObject + ": no id in answer"));
        }
        return id;
    }

    private JsonNode call(String what, RequestFor request) throws ExportFailure {
        Session s = session.get() != null ? session.get() : refresh();
        HttpResponse<String> response = http.exchange(what, request.build(s)
                .header("Authorization", "Bearer " + s.accessToken()));
        if (response.statusCode() == 401 && response.body().contains("INVALID_SESSION_ID")) {
            session.compareAndSet(s, null);
            Session fresh = refresh();
            response = http.exchange(what, request.build(fresh)
                    .header("Authorization", "Bearer " + fresh.accessToken()));
        }
        if (response.statusCode() == 403 && response.body().contains("REQUEST_LIMIT_EXCEEDED")) {
            // The org's daily API allowance is used up; it renews, so this is worth retrying later.
            throw new ExportFailure(DeliveryResult.retryable(what + ": REQUEST_LIMIT_EXCEEDED"));
        }
        return http.json(what, http.check(what, response));
    }

    private Session refresh() throws ExportFailure {
        String form = "grant_type=refresh_token"
                + "&client_id=" + URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(config.clientSecret().reveal(), StandardCharsets.UTF_8)
                + "&refresh_token=" + URLEncoder.encode(config.refreshToken().reveal(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.exchange("salesforce token refresh", HttpRequest.newBuilder(
                        URI.create(config.loginUrl().toString().replaceAll("/+$", "") + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            // invalid_grant and friends: the refresh token was revoked or expired; only a person can fix that.
            throw new ExportFailure(HttpOutcome.classify("salesforce token refresh", 400, null,
                    response.body(), http.clock().instant()));
        }
        JsonNode answer = http.json("salesforce token refresh", http.check("salesforce token refresh", response));
        String token = answer.path("access_token").asText("");
        String instance = answer.path("instance_url").asText("").replaceAll("/+$", "");
        if (token.isEmpty() || instance.isEmpty()) {
            throw new ExportFailure(DeliveryResult.retryable("salesforce token refresh: incomplete answer"));
        }
        Session s = new Session(token, instance);
        session.set(s);
        return s;
    }

    private static ObjectNode noteBody(String title, CallExport export) {
        ObjectNode n = JSON.objectNode();
        n.put("Title", title);
        // ContentNote.Content is base64 of (simple) HTML; escaping keeps customer words from becoming markup.
        String html = "<p>" + escape(export.summaryText()).replace("\n", "</p><p>") + "</p>";
        n.put("Content", Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        return n;
    }

    private static ObjectNode link(String documentId, String whoId) {
        ObjectNode l = JSON.objectNode();
        l.put("ContentDocumentId", documentId);
        l.put("LinkedEntityId", whoId);
        l.put("ShareType", "V");
        return l;
    }

    private static ObjectNode task(String subject, CallExport.ActionItem item, CallExport export, String whoId) {
        ObjectNode t = JSON.objectNode();
        t.put("Subject", subject);
        t.put("Description", "From the call of " + export.startedAt().atZone(ZoneOffset.UTC).toLocalDate()
                + " (owner: " + item.owner() + ", due as said: " + item.due() + ")");
        t.put("ActivityDate", item.dueOr(export.startedAt().atZone(ZoneOffset.UTC).toLocalDate()).toString());
        t.put("WhoId", whoId);
        t.put("Status", "Not Started");
        return t;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
