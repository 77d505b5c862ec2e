package io.earpiece.console.routing;

import io.earpiece.console.followup.FollowUpMailer;
import jakarta.mail.internet.AddressException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a team's rule set before it is stored, and names the first fault in plain words with the path of its
 * field ({@code rules[0].when.phrases[2]}), so the editor can show it beside that field.
 */
final class RuleCheck {

    static final Set<String> CALL_TYPES = Set.of("sales", "support", "meeting");
    static final Set<String> PRIORITIES = Set.of("low", "normal", "high");
    static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
    static final Set<String> KINDS = Set.of("email", "team-lead", "slack", "webhook");
    static final int NAME_MAX = 100;
    static final int VALUE_MAX = 200;

    private final RoutingProperties properties;
    private final Predicate<String> userExists;

    RuleCheck(RoutingProperties properties, Predicate<String> userExists) {
        this.properties = properties;
        this.userExists = userExists;
    }

    void check(List<RoutingRule> rules) {
        if (rules == null) {
            throw new RoutingRuleException("rules", "the body needs a list of rules (it may be empty)");
        }
        if (rules.size() > properties.maxRulesPerTeam()) {
            throw new RoutingRuleException("rules", "a team may have at most " + properties.maxRulesPerTeam()
                    + " rules");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            RoutingRule r = rules.get(i);
            if (r == null) {
                throw new RoutingRuleException(at, "rule " + (i + 1) + " is empty");
            }
            if (r.name() == null || r.name().isBlank()) {
                throw new RoutingRuleException(at + ".name", "give the rule a name");
            }
            if (r.name().strip().length() > NAME_MAX) {
                throw new RoutingRuleException(at + ".name", "a name may have at most " + NAME_MAX + " characters");
            }
            if (!names.add(r.name().strip().toLowerCase(Locale.ROOT))) {
                throw new RoutingRuleException(at + ".name", "another rule is already named \"" + r.name().strip()
                        + "\"");
            }
            when(at + ".when", r.when());
            if (r.recipients().isEmpty() && blank(r.assignActionItemsTo())) {
                throw new RoutingRuleException(at + ".recipients",
                        "say whom to notify, or whom to assign the action items to");
            }
            for (int k = 0; k < r.recipients().size(); k++) {
                recipient(at + ".recipients[" + k + "]", r.recipients().get(k));
            }
            if (!blank(r.assignActionItemsTo()) && !userExists.test(r.assignActionItemsTo().strip())) {
                throw new RoutingRuleException(at + ".assignActionItemsTo",
                        "there is no user named \"" + r.assignActionItemsTo().strip() + "\"");
            }
        }
    }

    private void when(String at, RoutingRule.When w) {
        if (w.isEmpty()) {
            throw new RoutingRuleException(at, "give at least one condition, or the rule would route every call");
        }
        among(at + ".callTypes", w.callTypes(), CALL_TYPES, "a call type");
        if (!blank(w.minPriority()) && !PRIORITIES.contains(w.minPriority().strip().toLowerCase(Locale.ROOT))) {
            throw new RoutingRuleException(at + ".minPriority", "\"" + w.minPriority()
                    + "\" is not a priority (low, normal or high)");
        }
        among(at + ".sentiments", w.sentiments(), SENTIMENTS, "a sentiment");
        for (int j = 0; j < w.objectionKinds().size(); j++) {
            String kind = w.objectionKinds().get(j);
            if (blank(kind) || kind.strip().length() > 64) {
                throw new RoutingRuleException(at + ".objectionKinds[" + j + "]",
                        "an objection kind is a word of at most 64 characters, such as price");
            }
        }
        if (w.phrases().size() > properties.maxPhrases()) {
            throw new RoutingRuleException(at + ".phrases", "a rule may listen for at most "
                    + properties.maxPhrases() + " phrases");
        }
        for (int j = 0; j < w.phrases().size(); j++) {
            String phrase = w.phrases().get(j);
            if (phrase == null || RuleMatcher.normalise(phrase).isEmpty()) {
                throw new RoutingRuleException(at + ".phrases[" + j + "]",
                        "a phrase needs at least one letter or digit");
            }
            if (phrase.strip().length() > VALUE_MAX) {
                throw new RoutingRuleException(at + ".phrases[" + j + "]",
                        "a phrase may have at most " + VALUE_MAX + " characters");
            }
        }
    }

    private void recipient(String at, RoutingRule.Recipient n) {
        if (n == null || blank(n.kind()) || !KINDS.contains(n.kind().strip())) {
            throw new RoutingRuleException(at + ".kind",
                    "choose how to notify: email, team-lead, slack or webhook");
        }
        switch (n.kind().strip()) {
            case "email" -> address(at + ".to", n.to());
            case "slack" -> url(at + ".url", n.url(), "a Slack incoming-webhook URL");
            case "webhook" -> {
                url(at + ".url", n.url(), "a webhook URL");
                if (properties.webhookSigningSecret().isBlank()) {
                    throw new RoutingRuleException(at + ".url", "webhooks are off on this server: it needs "
                            + "earpiece.routing.webhook-signing-secret to sign them");
                }
            }
            default -> {
                // team-lead: the team's managers, resolved when a call is routed
            }
        }
    }

    private static void address(String at, String to) {
        if (blank(to)) {
            throw new RoutingRuleException(at, "give an e-mail address");
        }
        try {
            List<jakarta.mail.internet.InternetAddress> parsed = FollowUpMailer.recipients(to.strip());
            if (parsed.size() != 1) {
                throw new RoutingRuleException(at, "give one e-mail address per recipient");
            }
        } catch (AddressException e) {
            throw new RoutingRuleException(at, "\"" + to.strip() + "\" is not an e-mail address");
        }
    }

    /** An absolute https URL; plain http only to this machine (a local relay or test stub). */
    static void url(String at, String value, String what) {
        if (blank(value)) {
            throw new RoutingRuleException(at, "give " + what);
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new RoutingRuleException(at, "\"" + value.strip() + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RoutingRuleException(at, "give " + what + " starting with https://");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new RoutingRuleException(at, "use https: plain http is only for this machine's own addresses");
        }
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses: a name is not resolved here
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void among(String at, List<String> values, Set<String> allowed, String what) {
        for (int j = 0; j < values.size(); j++) {
            String v = values.get(j);
            if (v == null || !allowed.contains(v.strip().toLowerCase(Locale.ROOT))) {
                throw new RoutingRuleException(at + "[" + j + "]", "\"" + v + "\" is not " + what + " ("
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
