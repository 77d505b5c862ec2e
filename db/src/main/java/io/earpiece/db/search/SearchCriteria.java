package io.earpiece.db.search;

import io.earpiece.db.Paging;
import io.earpiece.db.user.CallOwners;

import java.time.Instant;

/**
 * What to look for in call history; every field but the paging may be null (no filter).
 *
 * @param text      words said in the call (full-text over transcripts)
 * @param rep       part of the rep's username (a user whose SIP identity is in the call's URIs, the upload's
 *                  owner, the B2BUA's rep), of the name given to the rep speaker, or of either SIP URI;
 *                  case-insensitive
 * @param customer  part of the name given to the customer speaker, of the B2BUA's remote number or of either
 *                  SIP URI; a phone number matches by its digits ("(555) 010-2"); case-insensitive
 * @param from      calls started at or after this instant
 * @param to        calls started before this instant
 * @param type      summary call type ("sales", "support", "meeting")
 * @param objection objection kind raised in the call ("price", "timing")
 * @param owners    only the calls these owners own (what the searching user may open); null for every call
 * @param sentiment summary sentiment label ("positive", "neutral", "negative")
 * @param sort      the order of the hits (null: newest first)
 */
public record SearchCriteria(String text, String rep, String customer, Instant from, Instant to, String type,
                             String objection, int page, int size, CallOwners owners, String sentiment,
                             SearchSort sort) {
    public SearchCriteria {
        sentiment = blankToNull(sentiment);
        sort = sort == null ? SearchSort.NEWEST : sort;
        Paging.check(page, size);
        text = blankToNull(text);
        rep = blankToNull(rep);
        customer = blankToNull(customer);
        type = blankToNull(type);
        objection = blankToNull(objection);
    }

    /** Criteria over every call. */
    public SearchCriteria(String text, String rep, String customer, Instant from, Instant to, String type,
                          String objection, int page, int size) {
        this(text, rep, customer, from, to, type, objection, page, size, null, null, null);
    }

    /** The same criteria, also filtered by sentiment label and in {@code order}. */
    public SearchCriteria withSentimentAndSort(String sentimentLabel, SearchSort order) {
        return new SearchCriteria(text, rep, customer, from, to, type, objection, page, size, owners, sentimentLabel,
                order);
    }

    /** The same criteria over the calls of {@code callOwners} only (null: every call). */
    public SearchCriteria ownedBy(CallOwners callOwners) {
        return new SearchCriteria(text, rep, customer, from, to, type, objection, page, size, callOwners, sentiment,
                sort);
    }

    /** Everything, first page of {@code size}. */
    public static SearchCriteria all(int size) {
        return new SearchCriteria(null, null, null, null, null, null, null, 0, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
