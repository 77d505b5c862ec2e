package io.earpiece.console.routing;

import io.earpiece.db.call.CallEntity;
import io.earpiece.summary.ActionItem;
import io.earpiece.summary.CallSummary;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The words of a routed message, the same for every channel: the subject line (an escalation says so first) and a
 * plain-text body with the rule, why it matched, the call, its abstract and action items, and the call page's link.
 */
@Component
public class RoutedMessageText {

    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 8000;
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /** A subject and a body. */
    public record Text(String subject, String body) {
    }

    private final RoutingProperties properties;

    public RoutedMessageText(RoutingProperties properties) {
        this.properties = properties;
    }

    public Text of(CallEntity call, CallSummary summary, String team, RoutingRule rule, String reason,
                   String assignee) {
        String subject = (rule.escalation() ? "Escalation: " : "Routed: ") + rule.name() + " (" + summary.type().label()
                + " call " + call.getId() + ")";
        StringBuilder b = new StringBuilder();
        b.append(rule.escalation() ? "Escalation" : "Rule").append(": ").append(rule.name()).append('\n');
        b.append("Why: ").append(reason).append("\n\n");
        b.append("Call ").append(call.getId()).append(" of team ").append(team).append(", started ")
                .append(STARTED.format(call.getStartedAt().atZone(ZoneOffset.UTC))).append('\n');
        b.append("Type ").append(summary.type().label()).append(", priority ").append(summary.priority().label())
                .append(", customer sentiment ").append(summary.sentiment().label()).append('\n');
        if (!summary.abstractText().isBlank()) {
            b.append('\n').append(summary.abstractText().strip()).append('\n');
        }
        if (!summary.actionItems().isEmpty()) {
            b.append("\nAction items").append(assignee == null ? "" : " (assigned to " + assignee + ")").append(":\n");
            for (ActionItem a : summary.actionItems()) {
                b.append("- ").append(a.what()).append(" (").append(a.owner());
                if (a.dueDate() != null) {
                    b.append(", due ").append(a.dueDate());
                } else if (a.due() != null) {
                    b.append(", ").append(a.due());
                }
                b.append(")\n");
            }
        }
        String link = properties.callLink(call.getId());
        b.append('\n').append(link == null ? "Open call " + call.getId() + " in the console." : "Open the call: " + link)
                .append('\n');
        String body = b.toString();
        if (body.length() > BODY_MAX) {
            // the link comes last and matters most: cut the middle
            String tail = "\n…\n" + (link == null ? "" : "Open the call: " + link + "\n");
            body = body.substring(0, BODY_MAX - tail.length()) + tail;
        }
        return new Text(CallRouter.fit(subject, SUBJECT_MAX), body);
    }
}
