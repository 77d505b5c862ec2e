package io.earpiece.assist.action;

import com.joestelmach.natty.DateGroup;
import com.joestelmach.natty.Parser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * Resolves a due phrase against the call's date with the natty date parser. Commitments point forward,
 * so a date that falls before the call is rolled to its next occurrence.
 */
public final class DueDateResolver {
    private static final Pattern MONTH = Pattern.compile(
            "january|february|march|april|may|june|july|august|september|october|november|december");
    private static final Pattern WEEKDAY = Pattern.compile("monday|tuesday|wednesday|thursday|friday|saturday|sunday");
    private static final Map<String, String> ORDINALS = Map.ofEntries(
            Map.entry("first", "1"), Map.entry("second", "2"), Map.entry("third", "3"), Map.entry("fourth", "4"),
            Map.entry("fifth", "5"), Map.entry("sixth", "6"), Map.entry("seventh", "7"), Map.entry("eighth", "8"),
            Map.entry("ninth", "9"), Map.entry("tenth", "10"), Map.entry("eleventh", "11"),
            Map.entry("twelfth", "12"), Map.entry("thirteenth", "13"), Map.entry("fourteenth", "14"),
            Map.entry("fifteenth", "15"), Map.entry("sixteenth", "16"), Map.entry("seventeenth", "17"),
            Map.entry("eighteenth", "18"), Map.entry("nineteenth", "19"), Map.entry("twentieth", "20"),
            Map.entry("thirtieth", "30"));
    private static final Map<String, String> TENS_ORDINALS = Map.of("twenty", "2", "thirty", "3");

    private final Parser parser = new Parser(TimeZone.getTimeZone(ZoneOffset.UTC));

    public Optional<LocalDate> resolve(String phrase, LocalDate callDate) {
        String said = phrase.toLowerCase(Locale.ROOT).trim();
        Optional<LocalDate> fixed = fixedRule(said, callDate);
        if (fixed.isPresent()) {
            return fixed;
        }
        String parsable = digitsForOrdinals(said).replaceAll("\\bthe\\s+", "");
        Date reference = Date.from(callDate.atTime(9, 0).toInstant(ZoneOffset.UTC));
        List<DateGroup> groups;
        synchronized (parser) {
            groups = parser.parse(parsable, reference);
        }
        if (groups.isEmpty() || groups.get(0).getDates().isEmpty()) {
            return Optional.empty();
        }
        LocalDate date = groups.get(0).getDates().get(0).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        return Optional.of(rollForward(date, callDate, said));
    }

    // natty reads "end of the week" and "this afternoon" loosely; these are the meanings people use.
    private static Optional<LocalDate> fixedRule(String said, LocalDate callDate) {
        if (said.matches("today|tonight|eod|close of business|this (morning|afternoon|evening)"
                + "|(the )?end of (the )?day|(right )?(after|following) (this|the|our) call")) {
            return Optional.of(callDate);
        }
        if (said.matches("(the )?end of (the |this )?week|this week")) {
            return Optional.of(callDate.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
        }
        if (said.matches("(the )?week after next")) {
            return Optional.of(callDate.plusWeeks(2).with(DayOfWeek.MONDAY));
        }
        if (said.matches("next week")) {
            return Optional.of(callDate.plusWeeks(1).with(DayOfWeek.MONDAY));
        }
        if (said.matches("(the )?end of (the |this )?month|this month")) {
            return Optional.of(callDate.with(TemporalAdjusters.lastDayOfMonth()));
        }
        return Optional.empty();
    }

    private static String digitsForOrdinals(String said) {
        String out = said;
        for (Map.Entry<String, String> tens : TENS_ORDINALS.entrySet()) {
            for (Map.Entry<String, String> unit : ORDINALS.entrySet()) {
                if (unit.getValue().length() == 1) {
                    out = out.replace(tens.getKey() + " " + unit.getKey(), tens.getValue() + unit.getValue());
                }
            }
        }
        for (Map.Entry<String, String> e : ORDINALS.entrySet()) {
            out = out.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return out;
    }

    private static LocalDate rollForward(LocalDate date, LocalDate callDate, String said) {
        LocalDate out = date;
        if (MONTH.matcher(said).find()) {
            while (out.isBefore(callDate)) {
                out = out.plusYears(1);
            }
        } else if (WEEKDAY.matcher(said).find()) {
            while (out.isBefore(callDate)) {
                out = out.plusWeeks(1);
            }
        }
        return out;
    }
}
