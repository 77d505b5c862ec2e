package io.earpiece.plugins.export.slack;

import io.earpiece.plugins.export.secret.Secret;

/** A Slack incoming-webhook URL; the URL itself is the credential, so it is kept as a secret. */
public record SlackConfig(Secret webhookUrl) {
}
