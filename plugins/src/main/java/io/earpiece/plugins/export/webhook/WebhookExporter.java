package io.earpiece.plugins.export.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.http.JsonHttp;

/**
 * Posts the export as JSON ({@code "event": "call.summary"}) to a subscribed URL, signed with
 * {@link WebhookSignature} and carrying an {@code Idempotency-Key} header.
 *
 * <p>Idempotency: the key (also in the body as {@code id}) is the same on every retry of a delivery, so receivers
 * deduplicate on it; nothing is created on our side.
 */
public final class WebhookExporter implements Exporter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String name;
    private final WebhookConfig config;
    private final SignedWebhook webhook;

    /** {@code name} tells subscriptions apart in the outbox ("webhook:crm-sync"). */
    public WebhookExporter(String name, WebhookConfig config, JsonHttp http) {
        this.name = name;
        this.config = config;
        this.webhook = new SignedWebhook(http);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        try {
            webhook.post(config.url(), config.signingSecret(), payload(export, idempotencyKey), idempotencyKey);
            return DeliveryResult.delivered("webhook " + name + ": delivered");
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    /** The JSON body; package-visible for tests. */
    static ObjectNode payload(CallExport export, String idempotencyKey) {
        ObjectNode p = JSON.objectNode();
        p.put("id", idempotencyKey);
        p.put("event", "call.summary");
        ObjectNode call = p.putObject("call");
        call.put("id", export.callId());
        call.put("started_at", export.startedAt().toString());
        call.put("rep", export.rep());
        call.put("type", export.callType());
        ObjectNode customer = call.putObject("customer");
        customer.put("name", export.customerName());
        customer.put("phone", export.customerPhone());
        customer.put("email", export.customerEmail());
        p.put("summary", export.summaryText());
        ArrayNode items = p.putArray("action_items");
        for (CallExport.ActionItem a : export.actionItems()) {
            items.addObject().put("owner", a.owner()).put("what", a.what()).put("due", a.due())
                    .put("due_date", a.dueDate() == null ? null : a.dueDate().toString());
        }
        ArrayNode objections = p.putArray("objections");
        for (CallExport.Objection o : export.objections()) {
            objections.addObject().put("kind", o.kind()).put("said", o.said()).put("response", o.response());
        }
        ArrayNode parties = p.putArray("parties");
        for (CallExport.Party party : export.parties()) {
            parties.addObject().put("party", party.party()).put("role", party.role()).put("name", party.name())
                    .put("source", party.source());
        }
        return p;
    }
}
