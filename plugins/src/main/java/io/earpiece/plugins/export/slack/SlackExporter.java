package io.earpiece.plugins.export.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.http.JsonHttp;
import java.net.URI;
import java.time.ZoneOffset;

/**
 * Posts a short call summary to a Slack channel through an incoming webhook, as Block Kit (header, summary
 * section in mrkdwn, action items, context line) with a plain {@code text} fallback for notifications.
 *
 * <p>Idempotency: incoming webhooks accept no idempotency key and cannot be searched, so the post is recorded in
 * the ledger once Slack answers 200 and never repeated after that. The one window left is a crash or lost
 * answer after Slack accepted the post and before the ledger write; that can repeat one chat message (never a
 * CRM object). The context line carries the reference so a duplicate is recognisable.
 */
public final class SlackExporter implements Exporter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // Block Kit limits: header text 150 characters, section text 3000.
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 3000;

    private final SlackConfig config;
    private final SlackWebhook webhook;

    public SlackExporter(SlackConfig config, JsonHttp http, DeliveryLedger ledger) {
        this.config = config;
        this.webhook = new SlackWebhook(http, ledger);
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        try {
            String marker = SlackWebhook.marker(idempotencyKey);
            webhook.postOnce(URI.create(config.webhookUrl().reveal()), message(export, marker), idempotencyKey);
            return DeliveryResult.delivered("slack: posted " + marker);
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    /** The webhook payload; package-visible for tests. */
    static ObjectNode message(CallExport export, String marker) {
        String title = "Call summary" + (export.customerName() == null ? "" : ": " + export.customerName());
        ObjectNode m = JSON.objectNode();
        m.put("text", title + " (" + (export.callType() == null ? "call" : export.callType()) + ", "
                + export.actionItems().size() + " action items)");
        ArrayNode blocks = m.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(title, HEADER_MAX));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", cut(escape(firstParagraphs(export)), SECTION_MAX));
        if (!export.actionItems().isEmpty()) {
            StringBuilder items = new StringBuilder("*Action items*");
            for (CallExport.ActionItem a : export.actionItems()) {
                items.append("\n• ").append(escape(a.title())).append(" — due ")
                        .append(a.dueDate() == null ? escape(a.due()) : a.dueDate().toString());
            }
            ObjectNode actions = blocks.addObject().put("type", "section");
            actions.putObject("text").put("type", "mrkdwn").put("text", cut(items.toString(), SECTION_MAX));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                escape("Rep: " + (export.rep() == null ? "unknown" : export.rep()) + " | "
                        + export.startedAt().atZone(ZoneOffset.UTC).toLocalDate() + " | ref " + marker));
        return m;
    }

    private static String firstParagraphs(CallExport export) {
        String text = export.summaryText().strip();
        return text.isEmpty() ? "(no summary)" : text;
    }

    private static String escape(String s) {
        return SlackWebhook.escape(s);
    }

    private static String cut(String s, int max) {
        return SlackWebhook.cut(s, max);
    }
}
