package io.earpiece.console.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing and escalation ({@code earpiece.routing.*}). Rules themselves are per team, in the database.
 *
 * @param consoleUrl           the console's address as recipients reach it (https://console.example.com); routed
 *                             messages link to the call page under it; empty: they name the call id only
 * @param webhookSigningSecret the secret generic webhook rules sign their deliveries with (as the webhook export
 *                             does); empty: rules cannot notify webhooks
 * @param maxRulesPerTeam      how many rules one team may have
 * @param maxPhrases           how many phrases one rule may listen for
 */
@ConfigurationProperties("earpiece.routing")
public record RoutingProperties(@DefaultValue("") String consoleUrl,
                                @DefaultValue("") String webhookSigningSecret,
                                @DefaultValue("50") int maxRulesPerTeam,
                                @DefaultValue("50") int maxPhrases) {

    @Override
    public String toString() {
        return "RoutingProperties[" + consoleUrl + ", webhook secret "
                + (webhookSigningSecret.isBlank() ? "unset" : "set") + ", " + maxRulesPerTeam + " rules, "
                + maxPhrases + " phrases]";
    }

    /** The call page's address, or null without a console URL. */
    public String callLink(String callId) {
        if (consoleUrl.isBlank()) {
            return null;
        }
        String base = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
        return base + "/#/calls/" + java.net.URLEncoder.encode(callId, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
