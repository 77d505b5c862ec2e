package io.earpiece.console.auth;

import io.earpiece.db.call.CallEntity;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Call access by ownership: a call belongs to the users whose SIP user (or, without one, username) or
 * extension is the user part of its From or To URI. Role and team are read from the database on each check,
 * so a change by an admin applies to live sessions at once.
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

    /** Everything, or the calls involving one of these identities. */
    record Scope(boolean all, Set<String> identities) {
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canSee(Authentication user, String callId) {
        Scope scope = scope(user);
        if (scope.all()) {
            return true;
        }
        return !scope.identities().isEmpty()
                && calls.count(CallOwnership.withId(callId).and(CallOwnership.involvingAnyOf(scope.identities()))) > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CallEntity> visibleCalls(Authentication user, int page, int size) {
        Scope scope = scope(user);
        if (!scope.all() && scope.identities().isEmpty()) {
            return List.of();
        }
        var spec = scope.all() ? CallOwnership.all() : CallOwnership.involvingAnyOf(scope.identities());
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

    Scope scope(Authentication authentication) {
        Optional<UserEntity> found = authentication == null ? Optional.empty()
                : users.findByUsername(authentication.getName()).filter(UserEntity::isEnabled);
        if (found.isEmpty()) {
            return new Scope(false, Set.of());
        }
        UserEntity user = found.get();
        if (user.getRole() == UserRole.ADMIN) {
            return new Scope(true, Set.of());
        }
        List<UserEntity> owners = user.getRole() == UserRole.MANAGER && user.getTeamId() != null
                ? users.findByTeamId(user.getTeamId()) : List.of(user);
        Set<String> identities = new LinkedHashSet<>();
        for (UserEntity owner : owners) {
            identities.addAll(identities(owner));
        }
        return new Scope(false, identities);
    }

    /** The SIP user part (the username when none is set) and the extension, when set. */
    static Set<String> identities(UserEntity user) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(blank(user.getSipUser()) ? user.getUsername() : user.getSipUser().trim());
        if (!blank(user.getExtension())) {
            ids.add(user.getExtension().trim());
        }
        return ids;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
