package io.earpiece.console.followup;

import io.earpiece.console.summary.SummaryView;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Drafts the follow-up e-mail from a call's summary: a recap (the abstract and decisions), the action items with
 * owner and due date, and the next meeting when an item or decision books one. The rep edits it before sending,
 * so the draft only has to be a good start; it never invents what the summary does not say.
 */
public final class FollowUpDrafter {

    /** An item or decision that books the next conversation. */
    private static final Pattern MEETING = Pattern.compile(
            "\\b(meeting|meet|demo|call back|follow-up call|catch up|workshop|session)\\b", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** The draft: subject and plain-text body. */
    public record Draft(String subject, String body) {
    }

    private FollowUpDrafter() {
    }

    public static Draft draft(SummaryView summary, String sender) {
        LocalDate date = summary.callDate();
        String subject = "Follow-up on our call" + (date == null ? "" : " of " + DAY.format(date));
        StringBuilder b = new StringBuilder();
        b.append("Hello,\n\nThank you for your time").append(date == null ? "" : " on " + DAY.format(date))
                .append(". A short recap of our call:\n\n");
        if (summary.abstractText() != null && !summary.abstractText().isBlank()) {
            b.append(summary.abstractText().strip()).append("\n");
        }
        if (!summary.decisions().isEmpty()) {
            b.append("\nWhat we agreed:\n");
            for (SummaryView.DecisionView d : summary.decisions()) {
                b.append("- ").append(d.text().strip()).append("\n");
            }
        }
        List<SummaryView.ActionItemView> open = summary.actionItems().stream().filter(a -> !a.done()).toList();
        if (!open.isEmpty()) {
            b.append("\nNext steps:\n");
            for (SummaryView.ActionItemView a : open) {
                b.append("- ").append(a.what().strip()).append(" (").append(owner(a.owner()));
                if (a.dueDate() != null) {
                    b.append(", by ").append(DAY.format(a.dueDate()));
                } else if (a.due() != null && !a.due().isBlank()) {
                    b.append(", ").append(a.due().strip());
                }
                b.append(")\n");
            }
        }
        b.append("\n").append(nextMeeting(summary)).append("\n");
        if (!CalendarEntries.dated(open).isEmpty()) {
            b.append("\nThe dates above are attached as calendar entries.\n");
        }
        b.append("\nBest regards,\n").append(sender == null ? "" : sender).append("\n");
        return new Draft(subject, b.toString());
    }

    private static String nextMeeting(SummaryView s) {
        for (SummaryView.ActionItemView a : s.actionItems()) {
            if (MEETING.matcher(a.what()).find()) {
                return "Next meeting: " + a.what().strip()
                        + (a.dueDate() != null ? ", " + DAY.format(a.dueDate()) : a.due() != null ? ", " + a.due() : "")
                        + ".";
            }
        }
        for (SummaryView.DecisionView d : s.decisions()) {
            if (MEETING.matcher(d.text()).find()) {
                return "Next meeting: " + d.text().strip();
            }
        }
        return "Next meeting: let me know a time that suits you for our next conversation.";
    }

    private static String owner(String owner) {
        return switch (owner == null ? "" : owner.toLowerCase(Locale.ROOT)) {
            case "rep" -> "me";
            case "customer" -> "you";
            case "" -> "open";
            // A further party of a recorded call ("customer-2") is named as such, not "you".
            default -> owner.matches("(rep|customer)-[1-9][0-9]{0,2}") ? io.earpiece.assist.Speakers.display(owner)
                    : owner;
        };
    }
}
