package io.earpiece.db.user;

import io.earpiece.db.call.CallEntity;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Criteria that tie calls to users. A call made from an upload belongs to its uploader: its From URI is
 * {@code sip:USERNAME@upload} ({@link #uploaderUri}). Any other call belongs to whoever's SIP identity (user part
 * or extension) is the user part of its From or To URI; uploads are left out of that rule, because their To URI
 * is the file's name and their From user part a username that another user's SIP user might equal. The same rule
 * is written as a JPA specification ({@link #ownedBy}) and as SQL ({@link #sqlOwnedBy}), both with portable
 * LIKE patterns so H2 and PostgreSQL agree.
 */
public final class CallOwnership {

    /** The host of an uploaded call's From URI. */
    public static final String UPLOAD_HOST = "upload";
    /** The escape character of {@link #userPartPatterns}; an SQL LIKE with them needs {@code escape '!'}. */
    public static final char ESCAPE = '!';

    private CallOwnership() {
    }

    /** The From URI of a call made from {@code username}'s upload (or {@code upload} when nobody is known). */
    public static String uploaderUri(String username) {
        return username == null ? UPLOAD_HOST : "sip:" + username + "@" + UPLOAD_HOST;
    }

    /** Every call. */
    public static Specification<CallEntity> all() {
        return (root, query, cb) -> cb.conjunction();
    }

    /** The one call with this id. */
    public static Specification<CallEntity> withId(String callId) {
        return (root, query, cb) -> cb.equal(root.get("id"), callId);
    }

    /** The calls these owners own; {@link CallOwners#NONE} matches no call. */
    public static Specification<CallEntity> ownedBy(CallOwners owners) {
        return (root, query, cb) -> {
            Expression<String> from = cb.lower(root.get("fromUri"));
            List<Predicate> any = new ArrayList<>();
            List<Predicate> involving = new ArrayList<>();
            for (String identity : owners.identities()) {
                for (String column : List.of("fromUri", "toUri")) {
                    for (String pattern : userPartPatterns(identity)) {
                        involving.add(cb.like(cb.lower(root.get(column)), pattern, ESCAPE));
                    }
                }
            }
            if (!involving.isEmpty()) {
                Predicate upload = cb.or(cb.like(from, "%@" + UPLOAD_HOST), cb.equal(from, UPLOAD_HOST));
                any.add(cb.and(cb.not(upload), cb.or(involving.toArray(Predicate[]::new))));
            }
            for (String username : owners.usernames()) {
                any.add(cb.equal(from, uploaderUri(username)));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    /**
     * {@link #ownedBy} as an SQL condition on the calls table under {@code alias}; its parameters (named
     * {@code own0}, {@code own1}, ...) go into {@code params}.
     */
    public static String sqlOwnedBy(String alias, CallOwners owners, Map<String, Object> params) {
        String from = "lower(" + alias + ".from_uri)";
        List<String> any = new ArrayList<>();
        List<String> involving = new ArrayList<>();
        for (String identity : owners.identities()) {
            for (String pattern : userPartPatterns(identity)) {
                String name = "own" + params.size();
                params.put(name, pattern);
                involving.add(from + " like :" + name + " escape '" + ESCAPE + "'");
                involving.add("lower(" + alias + ".to_uri) like :" + name + " escape '" + ESCAPE + "'");
            }
        }
        if (!involving.isEmpty()) {
            any.add("(not (" + from + " like '%@" + UPLOAD_HOST + "' or " + from + " = '" + UPLOAD_HOST + "') and ("
                    + String.join(" or ", involving) + "))");
        }
        for (String username : owners.usernames()) {
            String name = "own" + params.size();
            params.put(name, uploaderUri(username));
            any.add(from + " = :" + name);
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    /**
     * LIKE patterns (escaped with {@link #ESCAPE}) for a lower-cased URI whose user part is exactly {@code user}:
     * {@code sip:u@host}, {@code sips:u@host}, {@code tel:u} and {@code tel:u;params}.
     */
    public static List<String> userPartPatterns(String user) {
        String u = escape(user.strip().toLowerCase(Locale.ROOT));
        return List.of("sip:" + u + "@%", "sips:" + u + "@%", "tel:" + u, "tel:" + u + ";%");
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                b.append(ESCAPE);
            }
            b.append(c);
        }
        return b.toString();
    }
}
