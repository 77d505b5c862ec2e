package io.earpiece.plugins.export.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.IdempotentSteps;
import io.earpiece.plugins.export.http.JsonHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exports to Pipedrive (API v1, token in the {@code x-api-token} header so it stays out of URLs and access
 * logs): finds the person with the persons search (exact match on phone or e-mail, following
 * {@code additional_data.pagination}), adds a note with the summary and a task activity per action item.
 *
 * <p>Idempotency: Pipedrive takes no idempotency key, so note contents and activity notes carry a marker; before
 * creating, the ledger and then the person's notes / activities (paged) are searched for it.
 */
public final class PipedriveExporter implements Exporter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;

    private final PipedriveConfig config;
    private final JsonHttp http;
    private final IdempotentSteps steps;

    public PipedriveExporter(PipedriveConfig config, JsonHttp http, DeliveryLedger ledger) {
        this.config = config;
        this.http = http;
        this.steps = new IdempotentSteps(ledger);
    }

    @Override
    public String name() {
        return "pipedrive";
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        try {
            Optional<Long> person = findPerson(export);
            if (person.isEmpty()) {
                return DeliveryResult.permanent("pipedrive: no person matches the customer's e-mail or phone");
            }
            long personId = person.get();
            String noteMarker = IdempotentSteps.marker(idempotencyKey, "note");
            String note = steps.once(idempotencyKey, "note",
                    () -> findInList("/v1/notes?person_id=" + personId, "content", noteMarker),
                    () -> create("/v1/notes", note(export, personId, noteMarker)));
            List<String> activities = new ArrayList<>();
            for (int i = 0; i < export.actionItems().size(); i++) {
                CallExport.ActionItem item = export.actionItems().get(i);
                String step = "task:" + i;
                String marker = IdempotentSteps.marker(idempotencyKey, step);
                activities.add(steps.once(idempotencyKey, step,
                        () -> findInList("/v1/persons/" + personId + "/activities?done=0", "note", marker),
                        () -> create("/v1/activities", activity(export, item, personId, marker))));
            }
            return DeliveryResult.delivered("pipedrive: note " + note + ", activities " + activities
                    + ", person " + personId);
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    private Optional<Long> findPerson(CallExport export) throws ExportFailure {
        List<String> terms = new ArrayList<>();
        if (export.customerEmail() != null) {
            terms.add(export.customerEmail());
        }
        if (export.customerPhone() != null) {
            terms.add(export.customerPhone());
        }
        for (String term : terms) {
            int start = 0;
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = get("pipedrive persons search", "/v1/persons/search?term=" + encode(term)
                        + "&fields=" + encode("phone,email") + "&exact_match=true&start=" + start
                        + "&limit=" + PAGE_SIZE);
                for (JsonNode hit : answer.path("data").path("items")) {
                    JsonNode id = hit.path("item").path("id");
                    if (id.canConvertToLong()) {
                        return Optional.of(id.asLong());
                    }
                }
                JsonNode pagination = answer.path("additional_data").path("pagination");
                if (!pagination.path("more_items_in_collection").asBoolean(false)) {
                    break;
                }
                start = pagination.path("next_start").asInt(start + PAGE_SIZE);
            }
        }
        return Optional.empty();
    }

    private Optional<String> findInList(String pathWithQuery, String field, String marker) throws ExportFailure {
        int start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = get("pipedrive list", pathWithQuery + "&start=" + start + "&limit=" + PAGE_SIZE);
            for (JsonNode item : answer.path("data")) {
                if (item.path(field).asText("").contains(marker)) {
                    return Optional.of(item.path("id").asText());
                }
            }
            JsonNode pagination = answer.path("additional_data").path("pagination");
            if (!pagination.path("more_items_in_collection").asBoolean(false)) {
                break;
            }
            start = pagination.path("next_start").asInt(start + PAGE_SIZE);
        }
        return Optional.empty();
    }

    private String create(String path, ObjectNode body) throws ExportFailure {
        JsonNode answer = http.send("pipedrive create " + path, authorized(http.postJson(uri(path), body)));
        String id = answer.path("data").path("id").asText("");
        if (id.isEmpty()) {
            throw new ExportFailure(DeliveryResult.retryable("pipedrive create " + path + ": no id in answer"));
        }
        return id;
    }

    private JsonNode get(String what, String pathWithQuery) throws ExportFailure {
        return http.send(what, authorized(HttpRequest.newBuilder(uri(pathWithQuery))
                .header("Accept", "application/json").GET()));
    }

    private static ObjectNode note(CallExport export, long personId, String marker) {
        ObjectNode n = JSON.objectNode();
        n.put("content", "<p><b>Call summary</b>" + (export.rep() == null ? "" : " (rep: " + escape(export.rep()) + ")")
                + "</p><p>" + escape(export.summaryText()).replace("\n", "<br>") + "</p><p>ref " + marker + "</p>");
        n.put("person_id", personId);
        return n;
    }

    private static ObjectNode activity(CallExport export, CallExport.ActionItem item, long personId, String marker) {
        ObjectNode a = JSON.objectNode();
        a.put("subject", item.title());
        a.put("type", "task");
        a.put("due_date", item.dueOr(export.startedAt().atZone(ZoneOffset.UTC).toLocalDate()).toString());
        a.put("person_id", personId);
        a.put("note", "From the call of " + export.startedAt().atZone(ZoneOffset.UTC).toLocalDate() + " (owner: "
                + escape(item.owner()) + ", due as said: " + escape(item.due()) + "). ref " + marker);
        return a;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("x-api-token", config.apiToken().reveal());
    }

    private URI uri(String pathWithQuery) {
        return URI.create(config.baseUrl().toString().replaceAll("/+$", "") + pathWithQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
