package io.earpiece.db.user;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Whose calls a set of users owns, lower case: their SIP identities (the SIP user, or the username where none is
 * set, and the extension), which mark the calls they took or placed, and their usernames, which mark the calls
 * made from their uploads (see {@link CallOwnership}).
 */
public record CallOwners(Set<String> identities, Set<String> usernames) {

    /** Nobody: no call. */
    public static final CallOwners NONE = new CallOwners(Set.of(), Set.of());

    public CallOwners {
        identities = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(identities, "identities")));
        usernames = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(usernames, "usernames")));
    }

    /** The calls of these users. */
    public static CallOwners of(Collection<UserEntity> users) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (UserEntity user : users) {
            ids.add(lower(blank(user.getSipUser()) ? user.getUsername() : user.getSipUser()));
            if (!blank(user.getExtension())) {
                ids.add(lower(user.getExtension()));
            }
            names.add(lower(user.getUsername()));
        }
        return new CallOwners(ids, names);
    }

    /** Whether these owners own no call at all. */
    public boolean isEmpty() {
        return identities.isEmpty() && usernames.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
