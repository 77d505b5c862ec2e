package io.earpiece.console.auth;

import io.earpiece.db.call.CallEntity;
import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.OwnedCallRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Call access by ownership ({@link CallOwnership}): a call belongs to the users whose SIP user (or, without one,
 * username) or extension is the user part of its From or To URI, and a call made from an upload to its uploader.
 * Role and team are read from the database on each check, so a change by an admin applies to live sessions at once.
 */
@Component
public class CallOwnerAccessPolicy implements CallAccessPolicy {

    private static final int LIVE_MEMORY = 4096;

    private final UserRepository users;
    private final OwnedCallRepository calls;

    public CallOwnerAccessPolicy(UserRepository users, OwnedCallRepository calls) {
        this.users = users;
        this.calls = calls;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(Authentication user, String callId) {
        Optional<CallOwners> owners = owners(user);
        if (owners.isEmpty()) {
            return true;
        }
        return !owners.get().isEmpty()
                && calls.count(CallOwnership.withId(callId).and(CallOwnership.ownedBy(owners.get()))) > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallEntity> visibleCalls(Authentication user, int page, int size) {
        Optional<CallOwners> owners = owners(user);
        if (owners.isPresent() && owners.get().isEmpty()) {
            return List.of();
        }
        var spec = owners.map(CallOwnership::ownedBy).orElseGet(CallOwnership::all);
        return calls.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"))))
                .getContent();
    }

    @Override
    public Predicate<String> liveFilter(Authentication user) {
        Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > LIVE_MEMORY;
            }
        });
        return callId -> seen.computeIfAbsent(callId, id -> canSee(user, id));
    }

    /** Whose calls the user may see, read from the database; empty for an admin (every call). */
    @Override
    @Transactional(readOnly = true)
    public Optional<CallOwners> owners(Authentication authentication) {
        Optional<UserEntity> found = authentication == null ? Optional.empty()
                : users.findByUsername(authentication.getName()).filter(UserEntity::isEnabled);
        if (found.isEmpty()) {
            return Optional.of(CallOwners.NONE);
        }
        UserEntity user = found.get();
        if (user.getRole() == UserRole.ADMIN) {
            return Optional.empty();
        }
        return Optional.of(CallOwners.of(user.getRole() == UserRole.MANAGER && user.getTeamId() != null
                ? users.findByTeamId(user.getTeamId()) : List.of(user)));
    }
}
