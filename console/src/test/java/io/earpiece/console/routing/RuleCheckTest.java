package io.earpiece.console.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCheckTest {

    final RuleCheck check = new RuleCheck(new RoutingProperties("", "", 3, 2), "rosa"::equals);
    final RuleCheck noWebhooks = check;
    final RuleCheck withWebhooks = new RuleCheck(new RoutingProperties("", "a-secret", 3, 2), "rosa"::equals);

    static RoutingRule.When support() {
        return new RoutingRule.When(List.of("support"), null, null, null, null);
    }

    static RoutingRule rule(String name, RoutingRule.When when, RoutingRule.Recipient... to) {
        return new RoutingRule(name, true, when, List.of(to), null);
    }

    static RoutingRule.Recipient email(String to) {
        return new RoutingRule.Recipient("email", to, null);
    }

    void refused(RuleCheck c, List<RoutingRule> rules, String field, String message) {
        assertThatThrownBy(() -> c.check(rules)).isInstanceOfSatisfying(RoutingRuleException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aSoundRuleSetPasses() {
        withWebhooks.check(List.of(
                rule("Escalate", new RoutingRule.When(List.of("Support"), "HIGH", List.of("negative"),
                                List.of("price"), List.of("cancel my account")), email("lead@example.com"),
                        new RoutingRule.Recipient("team-lead", null, null),
                        new RoutingRule.Recipient("slack", null, "https://hooks.slack.com/services/T0/B0/x"),
                        new RoutingRule.Recipient("webhook", null, "http://127.0.0.1:9/hook")),
                new RoutingRule("Assign only", false, support(), List.of(), "rosa")));
        check.check(List.of());
    }

    @Test
    void eachFaultIsNamedAtItsField() {
        refused(check, null, "rules", "the body needs a list of rules (it may be empty)");
        refused(check, Collections.nCopies(4, rule("x", support(), email("a@b.example"))), "rules",
                "a team may have at most 3 rules");
        refused(check, List.of(rule(" ", support(), email("a@b.example"))), "rules[0].name", "give the rule a name");
        refused(check, List.of(rule("A", support(), email("a@b.example")), rule("a ", support(), email("a@b.example"))),
                "rules[1].name", "another rule is already named \"a\"");
        refused(check, List.of(rule("A", null, email("a@b.example"))), "rules[0].when",
                "give at least one condition, or the rule would route every call");
        refused(check, List.of(rule("A", new RoutingRule.When(List.of("support", "chat"), null, null, null, null),
                email("a@b.example"))), "rules[0].when.callTypes[1]",
                "\"chat\" is not a call type (meeting, sales, support)");
        refused(check, List.of(rule("A", new RoutingRule.When(null, "urgent", null, null, null), email("a@b.example"))),
                "rules[0].when.minPriority", "\"urgent\" is not a priority (low, normal or high)");
        refused(check, List.of(rule("A", new RoutingRule.When(null, null, null, null, List.of("ok", "?!")),
                email("a@b.example"))), "rules[0].when.phrases[1]", "a phrase needs at least one letter or digit");
        refused(check, List.of(rule("A", new RoutingRule.When(null, null, null, null, List.of("a", "b", "c")),
                email("a@b.example"))), "rules[0].when.phrases", "a rule may listen for at most 2 phrases");
        refused(check, List.of(rule("A", support())), "rules[0].recipients",
                "say whom to notify, or whom to assign the action items to");
        refused(check, List.of(rule("A", support(), email("lead"))), "rules[0].recipients[0].to",
                "\"lead\" is not an e-mail address");
        refused(check, List.of(rule("A", support(), new RoutingRule.Recipient("sms", null, null))),
                "rules[0].recipients[0].kind", "choose how to notify: email, team-lead, slack or webhook");
        refused(check, List.of(rule("A", support(), new RoutingRule.Recipient("slack", null, "hooks.slack.com/x"))),
                "rules[0].recipients[0].url", "give a Slack incoming-webhook URL starting with https://");
        refused(check, List.of(rule("A", support(), new RoutingRule.Recipient("slack", null,
                "http://hooks.slack.com/services/x"))), "rules[0].recipients[0].url",
                "use https: plain http is only for this machine's own addresses");
        refused(noWebhooks, List.of(rule("A", support(), new RoutingRule.Recipient("webhook", null,
                "https://hooks.example.com/x"))), "rules[0].recipients[0].url",
                "webhooks are off on this server: it needs earpiece.routing.webhook-signing-secret to sign them");
        refused(check, List.of(new RoutingRule("A", false, support(), List.of(), "nobody")),
                "rules[0].assignActionItemsTo", "there is no user named \"nobody\"");
        List<RoutingRule> withNull = new ArrayList<>();
        withNull.add(null);
        refused(check, withNull, "rules[0]", "rule 1 is empty");
    }
}
