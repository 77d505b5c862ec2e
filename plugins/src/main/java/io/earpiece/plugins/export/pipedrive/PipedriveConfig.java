package io.earpiece.plugins.export.pipedrive;

import io.earpiece.plugins.export.secret.Secret;
import java.net.URI;

/** Pipedrive connection: the company API base ({@code https://COMPANY.pipedrive.com/api}) and an API token. */
public record PipedriveConfig(URI baseUrl, Secret apiToken) {
}
