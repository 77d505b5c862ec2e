package io.earpiece.console.api;

import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.user.CallOwners;
import io.earpiece.db.user.CallOwnership;
import io.earpiece.db.user.TeamEntity;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Card accept rates per user: the cards shown on the calls each user owns (the call-access rule: their SIP
 * identity is on the call), and how many they used or dismissed. Admins get every user, managers their team,
 * reps themselves.
 */
@Service
public class RepCardStats {

    private final UserRepository users;
    private final TeamRepository teams;
    private final EntityManager em;

    public RepCardStats(UserRepository users, TeamRepository teams, EntityManager em) {
        this.users = users;
        this.teams = teams;
        this.em = em;
    }

    /** One user's card counts; {@code acceptRate} is used / shown (0 when none was shown). */
    public record RepStats(long userId, String username, String team, long shown, long used, long dismissed,
                           double acceptRate) {
    }

    @Transactional(readOnly = true)
    public List<RepStats> stats(Authentication viewer) {
        Map<Long, String> teamNames = teams.findAll().stream()
                .collect(Collectors.toMap(TeamEntity::getId, TeamEntity::getName));
        return visibleUsers(viewer).stream().map(u -> stats(u, teamNames)).toList();
    }

    private List<UserEntity> visibleUsers(Authentication viewer) {
        Optional<UserEntity> me = viewer == null ? Optional.empty()
                : users.findByUsername(viewer.getName()).filter(UserEntity::isEnabled);
        if (me.isEmpty()) {
            return List.of();
        }
        UserEntity user = me.get();
        if (user.getRole() == UserRole.ADMIN) {
            return users.findAllByOrderByUsernameAsc();
        }
        if (user.getRole() == UserRole.MANAGER && user.getTeamId() != null) {
            return users.findByTeamId(user.getTeamId()).stream()
                    .sorted(Comparator.comparing(UserEntity::getUsername)).toList();
        }
        return List.of(user);
    }

    private RepStats stats(UserEntity user, Map<Long, String> teamNames) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
        Root<CardEntity> card = q.from(CardEntity.class);
        Root<CallEntity> call = q.from(CallEntity.class);
        q.multiselect(cb.count(card), cb.sum(feedbackIs(cb, card, "used")), cb.sum(feedbackIs(cb, card, "dismissed")))
                .where(cb.equal(card.get("callId"), call.get("id")),
                        CallOwnership.ownedBy(CallOwners.of(List.of(user))).toPredicate(call, q, cb));
        Object[] row = em.createQuery(q).getSingleResult();
        long shown = number(row[0]);
        long used = number(row[1]);
        long dismissed = number(row[2]);
        Function<Long, String> team = id -> id == null ? null : teamNames.get(id);
        return new RepStats(user.getId(), user.getUsername(), team.apply(user.getTeamId()), shown, used, dismissed,
                shown == 0 ? 0 : (double) used / shown);
    }

    private static Expression<Integer> feedbackIs(CriteriaBuilder cb, Root<CardEntity> card, String feedback) {
        return cb.<Integer>selectCase().when(cb.equal(card.get("feedback"), feedback), 1).otherwise(0);
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
