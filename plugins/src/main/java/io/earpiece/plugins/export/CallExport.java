package io.earpiece.plugins.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an exporter sends for one call: who and when, the rendered summary, its action items and objections, and
 * the names its parties go by. {@code customerPhone}, {@code customerEmail} and {@code customerName} are null when
 * unknown.
 */
public record CallExport(String callId, Instant startedAt, String rep, String customerName, String customerPhone,
                         String customerEmail, String callType, String summaryText, List<ActionItem> actionItems,
                         List<Objection> objections, List<Party> parties) {
    public CallExport {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(startedAt, "startedAt");
        summaryText = summaryText == null ? "" : summaryText;
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        objections = objections == null ? List.of() : List.copyOf(objections);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** A call whose parties' names are not known. */
    public CallExport(String callId, Instant startedAt, String rep, String customerName, String customerPhone,
                      String customerEmail, String callType, String summaryText, List<ActionItem> actionItems,
                      List<Objection> objections) {
        this(callId, startedAt, rep, customerName, customerPhone, customerEmail, callType, summaryText, actionItems,
                objections, List.of());
    }

    /**
     * One party of the call: its label ({@code rep}, {@code customer-2}, {@code Speaker 1}), role ({@code rep} or
     * {@code customer}), the name it goes by and where that came from ({@code user}, {@code account},
     * {@code recording}, {@code call}, {@code role}).
     */
    public record Party(String party, String role, String name, String source) {
    }

    /** A commitment from the call; {@code dueDate} is null when the due time could not be resolved. */
    public record ActionItem(String owner, String what, String due, LocalDate dueDate) {
        /** A one-line task title, naming the customer ("Customer 2" for a further caller) when one owns it. */
        public String title() {
            String text = what == null || what.isBlank() ? "follow up" : what;
            String capital = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            if (owner != null && owner.matches("customer(-[1-9][0-9]{0,2})?")) {
                return "C" + owner.substring(1).replace('-', ' ') + " to " + text;
            }
            return capital;
        }

        /** The due date, or {@code fallback} when none was resolved. */
        public LocalDate dueOr(LocalDate fallback) {
            return dueDate == null ? fallback : dueDate;
        }
    }

    /** An objection the customer raised and the rep's response (null when unanswered). */
    public record Objection(String kind, String said, String response) {
    }
}
