package io.earpiece.console.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Export connectors and the outbox worker ({@code earpiece.exports.*}). A connector is on when its credential is
 * set. Credentials are either plain values (e.g. from the environment) or SecretBox-sealed strings
 * ({@code sb1.…}) opened with the key in {@code EARPIECE_SECRET_KEY}; no {@code toString} here shows them.
 *
 * @param customerUri which SIP URI of a call names the customer ("from" or "to"); its user part is the phone
 *                    number the CRMs are searched by
 */
@ConfigurationProperties("earpiece.exports")
public record ExportProperties(
        @DefaultValue HubSpot hubspot,
        @DefaultValue Salesforce salesforce,
        @DefaultValue Pipedrive pipedrive,
        @DefaultValue Slack slack,
        List<Webhook> webhooks,
        @DefaultValue Worker worker,
        @DefaultValue("to") String customerUri) {

    public ExportProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        if (!customerUri.equals("to") && !customerUri.equals("from")) {
            throw new IllegalArgumentException("earpiece.exports.customer-uri must be 'from' or 'to'");
        }
    }

    /** HubSpot private-app token. */
    public record HubSpot(@DefaultValue("https://api.hubapi.com") URI baseUrl, @DefaultValue("") String accessToken) {
        @Override
        public String toString() {
            return "HubSpot[" + baseUrl + ", token " + (accessToken.isBlank() ? "unset" : "set") + "]";
        }
    }

    /** Salesforce connected app and the user's refresh token. */
    public record Salesforce(@DefaultValue("https://login.salesforce.com") URI loginUrl,
                             @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
                             @DefaultValue("") String refreshToken, @DefaultValue("v62.0") String apiVersion) {
        @Override
        public String toString() {
            return "Salesforce[" + loginUrl + ", client " + clientId + ", secrets "
                    + (refreshToken.isBlank() ? "unset" : "set") + "]";
        }
    }

    /** Pipedrive company API base ({@code https://COMPANY.pipedrive.com/api}) and API token. */
    public record Pipedrive(@DefaultValue("") String baseUrl, @DefaultValue("") String apiToken) {
        @Override
        public String toString() {
            return "Pipedrive[" + baseUrl + ", token " + (apiToken.isBlank() ? "unset" : "set") + "]";
        }
    }

    /** Slack incoming-webhook URL (itself the credential). */
    public record Slack(@DefaultValue("") String webhookUrl) {
        @Override
        public String toString() {
            return "Slack[" + (webhookUrl.isBlank() ? "unset" : "set") + "]";
        }
    }

    /** A signed webhook subscription; {@code name} becomes the exporter name "webhook:NAME". */
    public record Webhook(String name, URI url, String signingSecret) {
        @Override
        public String toString() {
            return "Webhook[" + name + ", " + url + "]";
        }
    }

    /**
     * The outbox worker.
     *
     * @param pollInterval pause between polls of the outbox
     * @param batchSize    jobs claimed per poll
     * @param lease        how long a claimed job stays hidden from other workers (longer than one delivery)
     * @param retryBase    first back-off, doubling per failure
     * @param retryCap     longest back-off
     * @param maxAttempts  failed attempts before a job is marked failed for an admin
     * @param timeout      HTTP timeout per vendor request
     */
    public record Worker(@DefaultValue("true") boolean enabled,
                         @DefaultValue("2s") Duration pollInterval,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("2m") Duration lease,
                         @DefaultValue("30s") Duration retryBase,
                         @DefaultValue("1h") Duration retryCap,
                         @DefaultValue("12") int maxAttempts,
                         @DefaultValue("10s") Duration timeout) {
    }
}
