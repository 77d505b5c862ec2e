package io.earpiece.plugins.export.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.IdempotentSteps;
import io.earpiece.plugins.export.http.JsonHttp;
import java.net.URI;
import java.util.Optional;

/**
 * Posts one message to a Slack incoming webhook at most once per idempotency key: {@code POST} of
 * {@code application/json} ({@code text}, optionally {@code blocks}); Slack answers 200 with the plain text
 * {@code ok}. Incoming webhooks take no idempotency key and cannot be searched, so the post is recorded in the
 * ledger once Slack answered and never repeated after that; a crash between Slack's answer and the ledger write
 * can repeat one chat message.
 */
public final class SlackWebhook {
    private final JsonHttp http;
    private final IdempotentSteps steps;

    public SlackWebhook(JsonHttp http, DeliveryLedger ledger) {
        this.http = http;
        this.steps = new IdempotentSteps(ledger);
    }

    /** Posts {@code message} to {@code url} unless this key's post is recorded; returns the post's marker. */
    public String postOnce(URI url, ObjectNode message, String idempotencyKey) throws ExportFailure {
        return steps.once(idempotencyKey, "post", Optional::empty, () -> {
            // Slack answers a plain-text "ok", not JSON: only the status is checked.
            http.check("slack webhook", http.exchange("slack webhook", http.postJson(url, message)));
            return marker(idempotencyKey);
        });
    }

    /** The reference of this key's post, for a message to carry so a duplicate is recognisable. */
    public static String marker(String idempotencyKey) {
        return IdempotentSteps.marker(idempotencyKey, "post");
    }

    /** Escapes the three characters Slack's mrkdwn treats as control characters. */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Cuts {@code s} to {@code max} characters, ending with an ellipsis when cut (Block Kit limits lengths). */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
