package io.earpiece.console.followup;

import io.earpiece.console.summary.SummaryView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A call's action items with a due date as an iCalendar file (RFC 5545): one all-day VEVENT per item on its due
 * date, so any calendar shows it on that day. Lines end in CRLF and are folded at 75 octets, text values are
 * escaped, and each event's UID is stable (call and item), so importing the file twice updates rather than
 * duplicates.
 */
public final class CalendarEntries {

    static final String PRODID = "-//Earpiece//Follow-up//EN";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarEntries() {
    }

    /** The items that become entries: those with a resolved due date. */
    public static List<SummaryView.ActionItemView> dated(List<SummaryView.ActionItemView> items) {
        return items.stream().filter(a -> a.dueDate() != null).toList();
    }

    /**
     * The calendar; {@code host} names the server in the UIDs, {@code organizer} (an e-mail address) is the
     * ORGANIZER that iTIP's PUBLISH (RFC 5546) requires of each event.
     */
    public static String ics(String callId, List<SummaryView.ActionItemView> items, Instant now, String host,
                             String organizer) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (SummaryView.ActionItemView a : dated(items)) {
            LocalDate due = a.dueDate();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(callId + "-" + a.seq() + "@" + host));
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "ORGANIZER:mailto:" + organizer.replaceAll("[\\r\\n;:,\"]", ""));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(due));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(due.plusDays(1)));
            line(out, "SUMMARY:" + text(a.what()));
            line(out, "DESCRIPTION:" + text("Action item from call " + callId + " (owner: " + a.owner()
                    + (a.due() == null ? "" : ", due as said: " + a.due()) + ")"));
            line(out, "STATUS:" + (a.done() ? "CANCELLED" : "CONFIRMED"));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Appends a content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence or surrogate pair. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
