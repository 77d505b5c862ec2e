package io.earpiece.console.upload;

import io.earpiece.console.auth.CallAccessPolicy;
import io.earpiece.db.user.CallOwners;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may see, continue or cancel an upload: whoever may open the call it makes, by the one rule of
 * {@link CallAccessPolicy}: admins every upload, managers their team's users' uploads, reps their own. An upload
 * without an uploader (the watched folder) is an admin's only, as its call is.
 */
@Component
class UploadAccess {

    private final CallAccessPolicy calls;

    UploadAccess(CallAccessPolicy calls) {
        this.calls = calls;
    }

    /**
     * A test of an upload's owner (username) for whether the user may see the upload. Reads the user's role and team
     * from the database once, so ask once per request, off the event loop.
     */
    Predicate<String> visibleTo(Authentication user) {
        Optional<CallOwners> owners = calls.owners(user);
        if (owners.isEmpty()) {
            return owner -> true;
        }
        Set<String> usernames = owners.get().usernames();
        return owner -> owner != null && usernames.contains(owner.strip().toLowerCase(Locale.ROOT));
    }

    /** The owner to record for an upload the user starts. */
    static String owner(Authentication user) {
        return user == null ? null : user.getName();
    }
}
