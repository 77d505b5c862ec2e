package io.earpiece.plugins.export.webhook;

import io.earpiece.plugins.export.ExportFailure;
import io.earpiece.plugins.export.http.JsonHttp;
import io.earpiece.plugins.export.secret.Secret;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Posts a JSON body to a subscriber signed with {@link WebhookSignature} (timestamp and signature headers) and
 * carrying the delivery's {@code Idempotency-Key}, the same on every retry, so receivers deduplicate on it.
 */
public final class SignedWebhook {
    private final JsonHttp http;

    public SignedWebhook(JsonHttp http) {
        this.http = http;
    }

    /** Posts {@code payload} as JSON; throws the classified failure unless the subscriber answers 2xx. */
    public void post(URI url, Secret signingSecret, Object payload, String idempotencyKey) throws ExportFailure {
        String body = http.write(payload);
        long timestamp = http.clock().instant().getEpochSecond();
        http.check("webhook", http.exchange("webhook", HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("User-Agent", "earpiece-webhooks/1")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(signingSecret.reveal(), timestamp, body))
                .header(WebhookSignature.IDEMPOTENCY_HEADER, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }
}
