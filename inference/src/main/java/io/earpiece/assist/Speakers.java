package io.earpiece.assist;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a transcript's party label means to the assist engine and the summaries. A call has a {@code rep} and a
 * {@code customer}, and a SIPREC call may have further streams of either ({@code customer-2}, {@code rep-2}: a
 * colleague or a third caller joining on a stream of their own), or one {@code mixed} stream with both voices.
 * Coaching and tagging go by role (every rep stream is coached as the rep, every other party is heard as a customer);
 * summaries name the party itself, so "customer-2 asked" stays apart from the first customer.
 */
public final class Speakers {
    private static final Pattern NUMBERED = Pattern.compile("(rep|customer)(-[1-9][0-9]{0,2})?");

    private Speakers() {
    }

    /** "rep" for the rep's streams ("rep", "rep-2", ...), else "customer" (further customers, mixed, unknown). */
    public static String role(String party) {
        return isRep(party) ? "rep" : "customer";
    }

    /** Whether the party is one of the rep's streams. */
    public static boolean isRep(String party) {
        return party != null && (party.equals("rep") || party.startsWith("rep-") && NUMBERED.matcher(party).matches());
    }

    /**
     * The party as a summary names it: the label of a rep or customer stream as it is ("customer-2"), anything else
     * by its role (a mixed stream's voices are not told apart, so what it says is the customer's as before).
     */
    public static String named(String party) {
        return party != null && NUMBERED.matcher(party).matches() ? party : role(party);
    }

    /** For people: "Rep", "Customer", "Customer 2". */
    public static String display(String party) {
        String named = named(party);
        String spaced = named.replace('-', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
