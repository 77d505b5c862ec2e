package io.earpiece.summary;

import java.util.Locale;

/** What kind of conversation a call was. */
public enum CallType {
    SALES, SUPPORT, MEETING;

    /** The lower-case name used in the corpus headers and the API ("sales", "support", "meeting"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
