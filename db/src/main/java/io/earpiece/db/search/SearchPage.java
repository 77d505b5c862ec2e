package io.earpiece.db.search;

import java.util.List;

/** One page of search hits and how many calls match in all. */
public record SearchPage(List<CallHit> hits, long total, int page, int size) {
    public SearchPage {
        hits = List.copyOf(hits);
    }
}
