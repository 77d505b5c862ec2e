package io.earpiece.console.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earpiece.plugins.export.DeliveryLedger;
import io.earpiece.plugins.export.Exporter;
import io.earpiece.plugins.export.http.JsonHttp;
import io.earpiece.plugins.export.hubspot.HubSpotConfig;
import io.earpiece.plugins.export.hubspot.HubSpotExporter;
import io.earpiece.plugins.export.outbox.OutboxWorker;
import io.earpiece.plugins.export.outbox.RetryPolicy;
import io.earpiece.plugins.export.pipedrive.PipedriveConfig;
import io.earpiece.plugins.export.pipedrive.PipedriveExporter;
import io.earpiece.plugins.export.salesforce.SalesforceConfig;
import io.earpiece.plugins.export.salesforce.SalesforceExporter;
import io.earpiece.plugins.export.secret.SecretBox;
import io.earpiece.plugins.export.slack.SlackConfig;
import io.earpiece.plugins.export.slack.SlackExporter;
import io.earpiece.plugins.export.webhook.WebhookConfig;
import io.earpiece.plugins.export.webhook.WebhookExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Builds the configured export connectors and the outbox worker that delivers to them. */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExportConfiguration.class);

    /** The configured exporters, in a holder so an empty list is still one bean. */
    public record Exporters(List<Exporter> all) {
        public Exporters {
            all = List.copyOf(all);
        }

        public List<String> names() {
            return all.stream().map(Exporter::name).toList();
        }
    }

    @Bean
    ConfiguredSecrets configuredSecrets(Environment env) {
        String key = env.getProperty("earpiece.exports.secret-key", env.getProperty("EARPIECE_SECRET_KEY", ""));
        return new ConfiguredSecrets(key.isBlank() ? null : SecretBox.fromBase64Key(key));
    }

    /** The HTTP client of every delivery (connectors and routed messages), with the worker's timeout. */
    @Bean
    JsonHttp exportHttp(ExportProperties p, ObjectMapper mapper) {
        return new JsonHttp(HttpClient.newBuilder().connectTimeout(p.worker().timeout()).build(),
                mapper, p.worker().timeout(), Clock.systemUTC());
    }

    @Bean
    Exporters exporters(ExportProperties p, ConfiguredSecrets secrets, DeliveryLedger ledger, JsonHttp http) {
        List<Exporter> out = new ArrayList<>();
        if (!p.hubspot().accessToken().isBlank()) {
            out.add(new HubSpotExporter(new HubSpotConfig(p.hubspot().baseUrl(),
                    secrets.open("hubspot access token", p.hubspot().accessToken())), http, ledger));
        }
        ExportProperties.Salesforce sf = p.salesforce();
        if (!sf.refreshToken().isBlank()) {
            out.add(new SalesforceExporter(new SalesforceConfig(sf.loginUrl(), sf.clientId(),
                    secrets.open("salesforce client secret", sf.clientSecret()),
                    secrets.open("salesforce refresh token", sf.refreshToken()), sf.apiVersion()), http, ledger));
        }
        if (!p.pipedrive().apiToken().isBlank()) {
            out.add(new PipedriveExporter(new PipedriveConfig(URI.create(p.pipedrive().baseUrl()),
                    secrets.open("pipedrive api token", p.pipedrive().apiToken())), http, ledger));
        }
        if (!p.slack().webhookUrl().isBlank()) {
            out.add(new SlackExporter(new SlackConfig(secrets.open("slack webhook url", p.slack().webhookUrl())),
                    http, ledger));
        }
        for (ExportProperties.Webhook w : p.webhooks()) {
            if (w.name() == null || w.url() == null || w.signingSecret() == null) {
                throw new IllegalStateException("each earpiece.exports.webhooks entry needs name, url and signing-secret");
            }
            out.add(new WebhookExporter("webhook:" + w.name(), new WebhookConfig(w.url(),
                    secrets.open("webhook " + w.name() + " signing secret", w.signingSecret())), http));
        }
        Exporters exporters = new Exporters(out);
        log.info("export connectors: {}", exporters.names());
        return exporters;
    }

    /**
     * The worker delivers to the configured connectors and to every {@link Exporter} bean besides (those of other
     * features that queue jobs of their own, such as routed messages).
     */
    @Bean
    OutboxWorker outboxWorker(JpaOutboxStore store, Exporters exporters, ObjectProvider<Exporter> features,
                              ExportProperties p) {
        ExportProperties.Worker w = p.worker();
        List<Exporter> all = new ArrayList<>(exporters.all());
        features.orderedStream().forEach(all::add);
        return new OutboxWorker(store, all, new RetryPolicy(w.retryBase(), w.retryCap(), w.maxAttempts(),
                RandomGenerator.getDefault()), Clock.systemUTC(), w.batchSize(), w.lease());
    }
}
