package io.earpiece.summary;

import java.util.Locale;

/** Renders a summary as short plain text for notes in CRMs, chat posts and e-mails. */
public final class SummaryTextRenderer {
    public String render(CallSummary s) {
        StringBuilder out = new StringBuilder();
        out.append("Call type: ").append(s.type().label()).append(" | priority: ").append(s.priority().label())
                .append(" | customer sentiment: ").append(s.sentiment().label())
                .append(String.format(Locale.ROOT, " (%+.2f)", s.sentiment().overall())).append('\n');
        out.append('\n').append(s.abstractText()).append('\n');
        if (!s.objections().isEmpty()) {
            out.append("\nObjections:\n");
            // Named only when a further party (a second caller, "customer-2") raised it: the customer is the default.
            s.objections().forEach(o -> out.append("- ").append(o.kind())
                    .append(o.by() == null || o.by().equals("customer") ? "" : " (" + o.by() + ")")
                    .append(": ").append(o.said())
                    .append(o.answered() ? "\n  Response: " + o.response() : "\n  (not answered)").append('\n'));
        }
        if (!s.questions().isEmpty()) {
            out.append("\nQuestions:\n");
            s.questions().forEach(q -> out.append("- ").append(q.asker()).append(": ").append(q.text()).append('\n'));
        }
        if (!s.decisions().isEmpty()) {
            out.append("\nDecisions:\n");
            s.decisions().forEach(d -> out.append("- ").append(d.text()).append('\n'));
        }
        if (!s.actionItems().isEmpty()) {
            out.append("\nAction items:\n");
            s.actionItems().forEach(a -> out.append("- [").append(a.owner()).append("] ").append(a.what())
                    .append(" (due ").append(a.dueDate() != null ? a.dueDate().toString() : a.due()).append(")\n"));
        }
        return out.toString();
    }
}
