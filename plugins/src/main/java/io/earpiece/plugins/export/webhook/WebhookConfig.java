package io.earpiece.plugins.export.webhook;

import io.earpiece.plugins.export.secret.Secret;
import java.net.URI;

/** One subscribed URL and the secret its deliveries are signed with. */
public record WebhookConfig(URI url, Secret signingSecret) {
}
