package io.earpiece.console.routing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earpiece.console.followup.FollowUpMailer;
import io.earpiece.db.routing.RoutedMessageEntity;
import io.earpiece.db.routing.RoutedMessageRepository;
import io.earpiece.plugins.export.CallExport;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.DeliveryResult;
import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.IdempotentSteps;
import io.earpiece.plugins.export.http.JsonHttp;
import io.earpiece.plugins.export.secret.Secret;
import io.earpiece.plugins.export.slack.SlackWebhook;
import io.earpiece.plugins.export.webhook.SignedWebhook;
import jakarta.mail.internet.AddressException;

import java.net.URI;
import java.util.Optional;

/**
 * Delivers routed messages for the export outbox (targets "routing:SEQ", keys "routed/ID"): an e-mail through the
 * follow-up mail sender, a Slack incoming-webhook post, or a signed webhook. E-mail and Slack take no idempotency
 * key, so each is recorded in the delivery ledger once sent and never sent again for that key.
 */
public final class RoutedDelivery implements Exporter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int SLACK_SECTION_MAX = 3000;

    private final RoutedMessageRepository messages;
    private final FollowUpMailer mailer;
    private final SlackWebhook slack;
    private final SignedWebhook webhook;
    private final IdempotentSteps steps;
    private final RoutingProperties properties;

    public RoutedDelivery(RoutedMessageRepository messages, FollowUpMailer mailer, JsonHttp http,
                          DeliveryLedger ledger, RoutingProperties properties) {
        this.messages = messages;
        this.mailer = mailer;
        this.slack = new SlackWebhook(http, ledger);
        this.webhook = new SignedWebhook(http);
        this.steps = new IdempotentSteps(ledger);
        this.properties = properties;
    }

    @Override
    public String name() {
        return "routing";
    }

    @Override
    public boolean handles(String target) {
        return target.startsWith(CallRouter.TARGET_PREFIX);
    }

    @Override
    public DeliveryResult deliver(CallExport export, String idempotencyKey) {
        if (!idempotencyKey.startsWith(CallRouter.KEY_PREFIX)) {
            return DeliveryResult.permanent("routing: " + idempotencyKey + " names no routed message");
        }
        Optional<RoutedMessageEntity> found = messages.findById(
                idempotencyKey.substring(CallRouter.KEY_PREFIX.length()));
        if (found.isEmpty()) {
            return DeliveryResult.permanent("routing: the routed message " + idempotencyKey + " is gone");
        }
        RoutedMessageEntity m = found.get();
        try {
            return switch (m.getChannel()) {
                case "email" -> mail(m, idempotencyKey);
                case "slack" -> {
                    slack.postOnce(URI.create(m.getTarget()), slackMessage(m, SlackWebhook.marker(idempotencyKey)),
                            idempotencyKey);
                    yield DeliveryResult.delivered("slack: posted");
                }
                case "webhook" -> {
                    if (properties.webhookSigningSecret().isBlank()) {
                        yield DeliveryResult.permanent("webhook: earpiece.routing.webhook-signing-secret is unset");
                    }
                    webhook.post(URI.create(m.getTarget()), Secret.of(properties.webhookSigningSecret()),
                            webhookPayload(m, idempotencyKey), idempotencyKey);
                    yield DeliveryResult.delivered("webhook: delivered");
                }
                default -> DeliveryResult.permanent("routing: nothing delivers channel " + m.getChannel());
            };
        } catch (ExportFailure f) {
            return f.result();
        }
    }

    private DeliveryResult mail(RoutedMessageEntity m, String key) throws ExportFailure {
        if (!mailer.configured()) {
            return DeliveryResult.permanent("e-mail is off on this server (earpiece.mail.host is unset)");
        }
        FollowUpMailer.Message message;
        try {
            message = new FollowUpMailer.Message(FollowUpMailer.recipients(m.getTarget()), m.getSubject(), m.getBody(),
                    null, null);
        } catch (AddressException e) {
            return DeliveryResult.permanent("e-mail: \"" + m.getTarget() + "\" is not an address");
        }
        String id = steps.once(key, "mail", Optional::empty, () -> {
            try {
                return mailer.send(message, null);
            } catch (FollowUpMailer.SendFailedException e) {
                throw new ExportFailure(DeliveryResult.retryable("e-mail: " + e.getMessage()));
            }
        });
        return DeliveryResult.delivered("e-mail: sent " + id);
    }

    /** Slack's incoming-webhook JSON: {@code text} (the notification) and Block Kit blocks with the whole body. */
    static ObjectNode slackMessage(RoutedMessageEntity m, String marker) {
        ObjectNode message = JSON.objectNode();
        message.put("text", m.getSubject() + ": " + m.getReason());
        var blocks = message.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", SlackWebhook.cut(SlackWebhook.escape(m.getBody()), SLACK_SECTION_MAX));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", SlackWebhook.escape("Earpiece routing | ref " + marker));
        return message;
    }

    /** The webhook's JSON: the rule, why, and the call; {@code id} is the idempotency key. */
    ObjectNode webhookPayload(RoutedMessageEntity m, String key) {
        ObjectNode p = JSON.objectNode();
        p.put("id", key);
        p.put("event", m.isEscalation() ? "call.escalated" : "call.routed");
        p.put("rule", m.getRuleName());
        p.put("escalation", m.isEscalation());
        p.put("reason", m.getReason());
        ObjectNode call = p.putObject("call");
        call.put("id", m.getCallId());
        call.put("url", properties.callLink(m.getCallId()));
        p.put("subject", m.getSubject());
        p.put("text", m.getBody());
        return p;
    }
}
