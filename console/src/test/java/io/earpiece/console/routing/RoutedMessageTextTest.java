package io.earpiece.console.routing;

import io.earpiece.db.call.CallEntity;
import io.earpiece.summary.ActionItem;
import io.earpiece.summary.CallSummary;
import io.earpiece.summary.CallType;
import io.earpiece.summary.Priority;
import io.earpiece.summary.Sentiment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutedMessageTextTest {

    static final CallEntity CALL = new CallEntity("call 7", "conv", "sip:sam@pbx", "sip:+1555@carrier",
            Instant.parse("2026-12-01T09:30:00Z"));

    static CallSummary summary(String abstractText) {
        return new CallSummary(LocalDate.of(2026, 12, 1), CallType.SUPPORT, List.of(abstractText),
                new Sentiment(-0.4, 0, -0.6, "negative", List.of()), Priority.HIGH, List.of(), List.of(), List.of(),
                List.of(new ActionItem(2, "rep", "Send the refund", "friday", LocalDate.of(2026, 12, 4)),
                        new ActionItem(3, "customer", "Check the invoice", null, null)));
    }

    static RoutingRule rule(boolean escalation) {
        return new RoutingRule("Cancellation risk", escalation, null, List.of(), null);
    }

    @Test
    void anEscalationSaysSoFirstAndEndsWithTheCallPageLink() {
        RoutedMessageText.Text t = new RoutedMessageText(new RoutingProperties("https://console.example/", "", 50, 50))
                .of(CALL, summary("The export failed twice."), "support", rule(true), "said \"cancel\"", "lena");
        assertThat(t.subject()).isEqualTo("Escalation: Cancellation risk (support call call 7)");
        assertThat(t.body()).isEqualTo("""
                Escalation: Cancellation risk
                Why: said "cancel"

                Call call 7 of team support, started 2026-12-01 09:30 UTC
                Type support, priority high, customer sentiment negative

                The export failed twice.

                Action items (assigned to lena):
                - Send the refund (rep, due 2026-12-04)
                - Check the invoice (customer)

                Open the call: https://console.example/#/calls/call%207
                """);
    }

    @Test
    void withoutAConsoleAddressTheCallIsNamedAndALongBodyKeepsItsEnd() {
        RoutedMessageText text = new RoutedMessageText(new RoutingProperties("", "", 50, 50));
        RoutedMessageText.Text t = text.of(CALL, summary("x".repeat(9000)), "support", rule(false), "why", null);
        assertThat(t.subject()).startsWith("Routed: Cancellation risk");
        assertThat(t.body()).hasSize(RoutedMessageText.BODY_MAX).startsWith("Rule: Cancellation risk\nWhy: why\n")
                .endsWith("\n…\n");
        RoutedMessageText.Text linked = new RoutedMessageText(new RoutingProperties("http://c.test", "", 50, 50))
                .of(CALL, summary("x".repeat(9000)), "support", rule(false), "why", null);
        assertThat(linked.body()).hasSize(RoutedMessageText.BODY_MAX)
                .endsWith("\n…\nOpen the call: http://c.test/#/calls/call%207\n");
    }

    @Test
    void aSlackUrlIsShownByItsHostAndLastCharactersOnly() {
        assertThat(CallRouter.masked("https://hooks.slack.com/services/T000/B000/abcdWXYZ"))
                .isEqualTo("hooks.slack.com/…WXYZ");
        assertThat(CallRouter.withoutQuery("https://h.example:8443/hook?token=secret")).isEqualTo("https://h.example:8443/hook");
    }
}
