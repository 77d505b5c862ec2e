package io.earpiece.console.auth;

import io.earpiece.db.call.CallEntity;
import io.earpiece.db.user.CallOwners;
import org.springframework.security.core.Authentication;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may see which call: admins every call, managers their team's calls, reps their own. All methods block
 * on the database; call them off the Netty event loop.
 */
public interface CallAccessPolicy {

    /** Whether the user may see the call; false for a call that does not exist, unless the user is an admin. */
    boolean canSee(Authentication user, String callId);

    /** Whose calls the user may see; empty when that is every call (an admin). */
    Optional<CallOwners> owners(Authentication user);

    /** One page of the calls the user may see, newest first. */
    List<CallEntity> visibleCalls(Authentication user, int page, int size);

    /**
     * A filter of live events by call id for one subscriber (a WebSocket); it remembers its answers, so the
     * database is asked once per call.
     */
    Predicate<String> liveFilter(Authentication user);
}
