package io.earpiece.console.assist;

import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.TeamEntity;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which user is a call's rep, and so which team's playbook coaches it (the team of its rep) or a user. Blocking:
 * call off the event loop.
 */
@Component
public class CallTeams {

    // A rep calling a manager is coached as the rep: the first match by this order wins.
    private static final Comparator<UserEntity> REP_FIRST = Comparator
            .comparingInt((UserEntity u) -> u.getRole() == UserRole.REP ? 0 : u.getRole() == UserRole.MANAGER ? 1 : 2)
            .thenComparing(UserEntity::getId);

    private final CallRepository calls;
    private final UserRepository users;
    private final TeamRepository teams;
    private final EntityManager em;

    public CallTeams(CallRepository calls, UserRepository users, TeamRepository teams, EntityManager em) {
        this.calls = calls;
        this.users = users;
        this.teams = teams;
        this.em = em;
    }

    /** The team name of the call's rep, if the call is known and a user with a team is on it. */
    @Transactional(readOnly = true)
    public Optional<String> teamOfCall(String callId) {
        return calls.findById(callId)
                .flatMap(call -> onCall(call, true).stream().min(REP_FIRST))
                .flatMap(u -> teams.findById(u.getTeamId()))
                .map(TeamEntity::getName);
    }

    /**
     * The call's rep as a user: the uploader of a call made from an upload, else the enabled user on it by the
     * same rule (a rep before a manager before an admin).
     */
    @Transactional(readOnly = true)
    public Optional<UserEntity> repOfCall(String callId) {
        Optional<CallEntity> call = calls.findById(callId);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        String from = call.get().getFromUri();
        String upload = "@" + CallOwnership.UPLOAD_HOST;
        if (from != null && from.startsWith("sip:") && from.endsWith(upload)) {
            return users.findByUsername(from.substring(4, from.length() - upload.length()));
        }
        return onCall(call.get(), false).stream().min(REP_FIRST);
    }

    /** The enabled users whose SIP user (their username when none is set) or extension is on the call's URIs. */
    private List<UserEntity> onCall(CallEntity call, boolean withTeam) {
        Set<String> ids = new LinkedHashSet<>();
        RepIdentity.userPart(call.getFromUri()).ifPresent(ids::add);
        RepIdentity.userPart(call.getToUri()).ifPresent(ids::add);
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select u from UserEntity u where u.enabled = true"
                        + (withTeam ? " and u.teamId is not null" : "")
                        + " and (lower(u.sipUser) in :ids or lower(u.extension) in :ids"
                        + " or ((u.sipUser is null or u.sipUser = '') and lower(u.username) in :ids))", UserEntity.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The team name of a signed-in user, if they have one. */
    @Transactional(readOnly = true)
    public Optional<String> teamOfUser(String username) {
        return users.findByUsername(username)
                .filter(u -> u.getTeamId() != null)
                .flatMap(u -> teams.findById(u.getTeamId()))
                .map(TeamEntity::getName);
    }
}
