package io.earpiece.summary;

import io.earpiece.names.PartyNames;
import java.util.Locale;

/**
 * Renders a summary as short plain text for notes in CRMs, chat posts and e-mails; a party with a name is called by
 * it ("Dana asked: ...", "[Sam] send the quote"), any other by its label as before.
 */
public final class SummaryTextRenderer {
    public String render(CallSummary s) {
        return render(s, PartyNames.NONE);
    }

    public String render(CallSummary s, PartyNames names) {
        StringBuilder out = new StringBuilder();
        out.append("Call type: ").append(s.type().label()).append(" | priority: ").append(s.priority().label())
                .append(" | customer sentiment: ").append(s.sentiment().label())
                .append(String.format(Locale.ROOT, " (%+.2f)", s.sentiment().overall())).append('\n');
        out.append('\n').append(s.abstractText()).append('\n');
        if (!s.objections().isEmpty()) {
            out.append("\nObjections:\n");
            // Named when a further party (a second caller, "customer-2") raised it or the customer has a name: an
            // unnamed customer is the default.
            s.objections().forEach(o -> out.append("- ").append(o.kind())
                    .append(o.by() == null || o.by().equals("customer") && !names.named("customer") ? ""
                            : " (" + names.label(o.by()) + ")")
                    .append(": ").append(o.said())
                    .append(o.answered() ? "\n  Response: " + o.response() : "\n  (not answered)").append('\n'));
        }
        if (!s.questions().isEmpty()) {
            out.append("\nQuestions:\n");
            s.questions().forEach(q -> out.append("- ").append(names.label(q.asker()))
                    .append(names.named(q.asker()) ? " asked: " : ": ").append(q.text()).append('\n'));
        }
        if (!s.decisions().isEmpty()) {
            out.append("\nDecisions:\n");
            s.decisions().forEach(d -> out.append("- ").append(d.text()).append('\n'));
        }
        if (!s.actionItems().isEmpty()) {
            out.append("\nAction items:\n");
            s.actionItems().forEach(a -> out.append("- [").append(names.label(a.owner())).append("] ").append(a.what())
                    .append(" (due ").append(a.dueDate() != null ? a.dueDate().toString() : a.due()).append(")\n"));
        }
        return out.toString();
    }
}
