package io.earpiece.db.search;

import java.util.Locale;

/** The orders a search can list calls in; every one breaks ties by call id so that pages never overlap. */
public enum SearchSort {
    NEWEST("c.started_at desc"),
    OLDEST("c.started_at asc"),
    LONGEST("c.duration_ms desc nulls last, c.started_at desc"),
    SHORTEST("c.duration_ms asc nulls last, c.started_at desc");

    private final String orderBy;

    SearchSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy + ", c.id asc";
    }

    /** The sort a request names ("newest", "longest"...); null or blank is NEWEST; anything else is refused. */
    public static SearchSort parse(String s) {
        if (s == null || s.isBlank()) {
            return NEWEST;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort must be newest, oldest, longest or shortest, not '" + s + "'");
        }
    }
}
