package io.earpiece.assist.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, phone numbers and payment card numbers, written or spoken, and masks them.
 * Cards must pass the Luhn check; other runs of seven to fifteen digits are taken as phone numbers.
 */
public final class PiiDetector {
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9][a-z0-9._%+-]*(?:\\s+dot\\s+[a-z0-9]+)*(?:\\s*@\\s*|\\s+at\\s+)"
                    + "[a-z0-9][a-z0-9-]*(?:(?:\\.|\\s+dot\\s+)[a-z0-9-]+)*(?:\\.|\\s+dot\\s+)"
                    + "(?:com|org|net|io|co|edu|gov|de|uk|fr|ca|au|info|biz|ai|app|dev|us|eu)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int PHONE_MIN = 7;
    private static final int PHONE_MAX = 15;
    private static final int CARD_MIN = 13;
    private static final int CARD_MAX = 19;

    public List<PiiMatch> find(String text) {
        List<PiiMatch> found = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            found.add(new PiiMatch(PiiKind.EMAIL, email.start(), email.end()));
        }
        for (DigitRun run : DigitRuns.find(text)) {
            int n = run.digits().length();
            if (n >= CARD_MIN && n <= CARD_MAX && Luhn.valid(run.digits())) {
                found.add(new PiiMatch(PiiKind.CARD, run.start(), run.end()));
            } else if (n >= PHONE_MIN && n <= PHONE_MAX) {
                found.add(new PiiMatch(PiiKind.PHONE, run.start(), run.end()));
            }
        }
        found.sort(Comparator.comparingInt(PiiMatch::start));
        return found;
    }

    /** The text with every piece of personal data replaced by a placeholder such as {@code [phone]}. */
    public String mask(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PiiMatch match : find(text)) {
            if (match.start() < at) {
                continue;
            }
            out.append(text, at, match.start()).append(match.kind().placeholder());
            at = match.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
