package io.earpiece.plugins.export.salesforce;

import io.earpiece.plugins.export.secret.Secret;
import java.net.URI;

/**
 * Salesforce connection: the OAuth login host ({@code https://login.salesforce.com} or a My Domain), the
 * connected app's client id and secret, a refresh token from the user's consent, and the REST API version
 * ("v62.0").
 */
public record SalesforceConfig(URI loginUrl, String clientId, Secret clientSecret, Secret refreshToken,
                               String apiVersion) {
}
