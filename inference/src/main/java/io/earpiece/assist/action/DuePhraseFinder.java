package io.earpiece.assist.action;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the due time in a commitment and normalises it as said: "by Friday" -> "friday". */
public final class DuePhraseFinder {
    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december";
    private static final String ORDINAL = "\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh"
            + "|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
            + "|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
            + "|ninth)|thirtieth|thirty[- ]first";
    private static final String COUNT = "\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|a couple of";
    private static final Pattern DUE = Pattern.compile(
            "\\b(?:(?:by|on|before|until|for|within|over)\\s+(?:the\\s+)?)?("
                    + "(?:the\\s+)?week\\s+after\\s+next|(?:later\\s+)?today|tonight|(?:later\\s+)?this\\s+(?:morning|afternoon|evening|week|month)"
                    + "|(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:day|week|month|quarter)"
                    + "|eod|close\\s+of\\s+business|tomorrow(?:\\s+(?:morning|afternoon|evening))?"
                    + "|next\\s+(?:week|month|quarter|" + WEEKDAY + ")(?:\\s+(?:morning|afternoon))?"
                    + "|(?:this\\s+(?:coming\\s+)?)?(?:" + WEEKDAY + ")(?:\\s+(?:morning|afternoon|evening))?"
                    + "|(?:" + MONTH + ")\\s+(?:the\\s+)?(?:" + ORDINAL + ")\\b"
                    + "|(?:the\\s+)?(?:" + ORDINAL + ")\\s+of\\s+(?:" + MONTH + ")"
                    + "|in\\s+(?:" + COUNT + ")\\s+(?:days?|weeks?|hours?|months?)"
                    + "|(?:right\\s+)?(?:after|following)\\s+(?:this|the|our)\\s+call"
                    + ")\\b",
            Pattern.CASE_INSENSITIVE);

    public Optional<DuePhrase> find(String text) {
        Matcher m = DUE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String said = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace('-', ' ');
        said = said.replaceFirst("^later ", "");
        return Optional.of(new DuePhrase(said, m.start(), m.end()));
    }
}
