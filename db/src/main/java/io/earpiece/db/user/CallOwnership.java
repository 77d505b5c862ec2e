package io.earpiece.db.user;

import io.earpiece.db.call.CallEntity;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Criteria that tie calls to users: a call belongs to whoever's SIP identity (user part or extension) is the
 * user part of its From or To URI. Written as portable LIKE patterns so H2 and PostgreSQL agree.
 */
public final class CallOwnership {

    private static final char ESCAPE = '!';

    private CallOwnership() {
    }

    /** Every call. */
    public static Specification<CallEntity> all() {
        return (root, query, cb) -> cb.conjunction();
    }

    /** The one call with this id. */
    public static Specification<CallEntity> withId(String callId) {
        return (root, query, cb) -> cb.equal(root.get("id"), callId);
    }

    /** Calls whose From or To user part is one of {@code identities} (case-insensitive); none matches no call. */
    public static Specification<CallEntity> involvingAnyOf(Collection<String> identities) {
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            for (String identity : identities) {
                if (identity == null || identity.isBlank()) {
                    continue;
                }
                for (String column : List.of("fromUri", "toUri")) {
                    any.addAll(userPartIs(cb, cb.lower(root.get(column)), identity.trim().toLowerCase(Locale.ROOT)));
                }
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    /** {@code sip:u@host}, {@code sips:u@host}, {@code tel:u} and {@code tel:u;params}. */
    private static List<Predicate> userPartIs(CriteriaBuilder cb, Expression<String> uri, String user) {
        String u = escape(user);
        return List.of(
                cb.like(uri, "sip:" + u + "@%", ESCAPE),
                cb.like(uri, "sips:" + u + "@%", ESCAPE),
                cb.equal(uri, "tel:" + user),
                cb.like(uri, "tel:" + u + ";%", ESCAPE));
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
