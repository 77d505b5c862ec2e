package io.earpiece.summary;

import java.util.Locale;

/** How soon someone should look at the call's follow-ups. */
public enum Priority {
    LOW, NORMAL, HIGH;

    /** The lower-case name ("low", "normal", "high"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
