package io.earpiece.plugins.export.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.net.http.HttpRequest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exports to HubSpot CRM v3: finds the contacts by e-mail or phone (search API, following {@code paging.next.after}),
 * then creates one note and one task per action item, each associated with those contacts.
 *
 * <p>Idempotency: HubSpot's create endpoints take no idempotency key, so each note and task body carries a marker
 * token; before creating, the ledger is consulted and then the notes/tasks search API is asked for an object whose
 * body contains the marker ({@code CONTAINS_TOKEN}), so a retry after a lost response finds the first copy.
 */
public final class HubSpotExporter implements Exporter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // HubSpot-defined association type ids: note -> contact and task -> contact.
    private static final int NOTE_TO_CONTACT = 202;
    private static final int TASK_TO_CONTACT = 204;
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 5;
    private static final int MAX_CONTACTS = 10;

    private final HubSpotConfig config;
    private final JsonHttp http;
    private final IdempotentSteps steps;

    public HubSpotExporter(HubSpotConfig config, JsonHttp http, DeliveryLedger ledger) {
        this.config = config;
        this.http = http;
        this.steps = new IdempotentSteps(ledger);
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        try {
            if (export.customerEmail() == null && export.customerPhone() == null) {
                return DeliveryResult.permanent(
                        "hubspot: the call has no customer e-mail or phone number to find a HubSpot contact by");
            }
            List<String> contacts = findContacts(export);
            if (contacts.isEmpty()) {
                // Said in full, so an admin can add the contact (or fix its number) and replay the export.
                return DeliveryResult.permanent("hubspot: no contact found with " + searchedFor(export)
                        + "; add the contact in HubSpot and replay the export");
            }
            String noteMarker = IdempotentSteps.marker(idempotencyKey, "note");
            String note = steps.once(idempotencyKey, "note",
                    () -> findByMarker("notes", "hs_note_body", noteMarker),
                    () -> createNote(export, contacts, noteMarker));
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < export.actionItems().size(); i++) {
                CallExport.ActionItem item = export.actionItems().get(i);
                String step = "task:" + i;
                String marker = IdempotentSteps.marker(idempotencyKey, step);
                tasks.add(steps.once(idempotencyKey, step,
                        () -> findByMarker("tasks", "hs_task_body", marker),
                        () -> createTask(export, item, contacts, marker)));
            }
            return DeliveryResult.delivered("hubspot: note " + note + ", tasks " + tasks + ", contacts " + contacts);
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    private List<String> findContacts(CallExport export) throws ExportFailure {
        ArrayNode groups = JSON.arrayNode();
        if (export.customerEmail() != null) {
            groups.add(group("email", "EQ", export.customerEmail()));
        }
        if (export.customerPhone() != null) {
            groups.add(group("phone", "EQ", export.customerPhone()));
            groups.add(group("mobilephone", "EQ", export.customerPhone()));
        }
        Set<String> ids = new LinkedHashSet<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES && ids.size() < MAX_CONTACTS; page++) {
            ObjectNode body = JSON.objectNode();
            body.set("filterGroups", groups);
            body.set("properties", JSON.arrayNode().add("email").add("phone").add("mobilephone"));
            body.put("limit", PAGE_SIZE);
            if (after != null) {
                body.put("after", after);
            }
            JsonNode answer = http.send("hubspot contact search", authorized(
                    http.postJson(uri("/crm/v3/objects/contacts/search"), body)));
            for (JsonNode r : answer.path("results")) {
                if (ids.size() < MAX_CONTACTS) {
                    ids.add(r.path("id").asText());
                }
            }
            JsonNode next = answer.path("paging").path("next").path("after");
            if (next.isMissingNode() || next.asText().isEmpty()) {
                break;
            }
            after = next.asText();
        }
        return List.copyOf(ids);
    }

    /** What the contact search looked for, in words. */
    static String searchedFor(CallExport export) {
        List<String> keys = new ArrayList<>();
        if (export.customerEmail() != null) {
            keys.add("e-mail " + export.customerEmail());
        }
        if (export.customerPhone() != null) {
            keys.add("phone or mobile phone " + export.customerPhone());
        }
        return String.join(" or ", keys);
    }

    private Optional<String> findByMarker(String objectType, String property, String marker) throws ExportFailure {
        ObjectNode body = JSON.objectNode();
        body.set("filterGroups", JSON.arrayNode().add(group(property, "CONTAINS_TOKEN", marker)));
        body.set("properties", JSON.arrayNode().add(property));
        body.put("limit", 1);
        JsonNode answer = http.send("hubspot " + objectType + " search", authorized(
                http.postJson(uri("/crm/v3/objects/" + objectType + "/search"), body)));
        JsonNode first = answer.path("results").path(0).path("id");
        return first.isMissingNode() ? Optional.empty() : Optional.of(first.asText());
    }

    private String createNote(CallExport export, List<String> contacts, String marker) throws ExportFailure {
        ObjectNode properties = JSON.objectNode();
        properties.put("hs_timestamp", export.startedAt().toString());
        properties.put("hs_note_body", noteBody(export) + "\n\nref " + marker);
        return create("notes", properties, contacts, NOTE_TO_CONTACT);
    }

    private String createTask(CallExport export, CallExport.ActionItem item, List<String> contacts, String marker)
            throws ExportFailure {
        ObjectNode properties = JSON.objectNode();
        properties.put("hs_task_subject", item.title());
        properties.put("hs_task_body", "From the call of " + export.startedAt().atZone(ZoneOffset.UTC).toLocalDate()
                + " (owner: " + item.owner() + ", due as said: " + item.due() + ").\n\nref " + marker);
        properties.put("hs_timestamp", item.dueOr(export.startedAt().atZone(ZoneOffset.UTC).toLocalDate())
                .atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        properties.put("hs_task_status", "NOT_STARTED");
        properties.put("hs_task_type", "TODO");
        return create("tasks", properties, contacts, TASK_TO_CONTACT);
    }

    private String create(String objectType, ObjectNode properties, List<String> contacts, int associationType)
            throws ExportFailure {
        ObjectNode body = JSON.objectNode();
        body.set("properties", properties);
        ArrayNode associations = body.putArray("associations");
        for (String contact : contacts) {
            ObjectNode a = associations.addObject();
            a.putObject("to").put("id", contact);
            a.putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                    .put("associationTypeId", associationType);
        }
        JsonNode answer = http.send("hubspot create " + objectType, authorized(
                http.postJson(uri("/crm/v3/objects/" + objectType), body)));
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new ExportFailure(DeliveryResult.retryable("hubspot create " + objectType + ": no id in answer"));
        }
        return id;
    }

    private static String noteBody(CallExport export) {
        StringBuilder b = new StringBuilder("Call summary");
        if (export.rep() != null) {
            b.append(" (rep: ").append(export.rep()).append(')');
        }
        b.append("\n\n").append(export.summaryText());
        return b.toString();
    }

    private static ObjectNode group(String property, String operator, String value) {
        ObjectNode g = JSON.objectNode();
        g.putArray("filters").addObject().put("propertyName", property).put("operator", operator).put("value", value);
        return g;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + config.accessToken().reveal());
    }

    private URI uri(String path) {
        return URI.create(config.baseUrl().toString().replaceAll("/+$", "") + path);
    }
}
