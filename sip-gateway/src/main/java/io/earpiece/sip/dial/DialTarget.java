package io.earpiece.sip.dial;

import io.earpiece.sip.trunk.TrunkConfig;

import java.util.regex.Pattern;

/**
 * A number to call through a trunk.
 *
 * @param number what goes in the Request-URI's user part: digits, with an optional leading {@code +}
 */
public record DialTarget(TrunkConfig trunk, String number) {

    /** E.164 and national numbers, extensions of PBXs' conference rooms; nothing that could end a header. */
    public static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,31}");

    public DialTarget {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a number is 1-31 digits with an optional leading +");
        }
    }
}
