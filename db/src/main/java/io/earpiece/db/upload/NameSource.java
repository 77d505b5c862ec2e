package io.earpiece.db.upload;

import java.util.Locale;

/**
 * Where a speaker's display name came from, strongest first: a name a person gave wins over the rep's account
 * name, which wins over the name the call's recording client gave, which wins over a name said in the call; a
 * speaker with none of these goes by its role label.
 */
public enum NameSource {
    USER, ACCOUNT, RECORDING, CALL, ROLE;

    /** As stored and shown: {@code user}, {@code account}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored value's source; an unknown value (a newer version's) counts as {@link #ROLE}. */
    public static NameSource of(String value) {
        for (NameSource s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        return ROLE;
    }
}
