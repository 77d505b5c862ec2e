package io.earpiece.plugins.export.hubspot;

import io.earpiece.plugins.export.secret.Secret;
import java.net.URI;

/** HubSpot connection: API base ({@code https://api.hubapi.com}) and a private-app access token. */
public record HubSpotConfig(URI baseUrl, Secret accessToken) {
    public static final URI DEFAULT_BASE = URI.create("https://api.hubapi.com");
}
