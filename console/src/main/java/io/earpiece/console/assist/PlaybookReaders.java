package io.earpiece.console.assist;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Set;

/**
 * Who may read which team's playbook: admins and managers every team's; anyone else none, except that the cards
 * of their own team's playbook reach them on their calls anyway. The playbook API and {@code POST /api/analyze}
 * (which shows a playbook's card text) both ask here.
 */
@Component("playbookReaders")
public class PlaybookReaders {

    private static final Set<String> READ_EVERY_TEAM = Set.of("ROLE_ADMIN", "ROLE_MANAGER");

    /** Whether the user may read the playbook of every team. */
    public boolean mayReadAll(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(READ_EVERY_TEAM::contains);
    }

    /** Whether the user may be coached with {@code team}'s playbook, given {@code ownTeam} (null: none). */
    public boolean mayUse(Authentication user, String team, String ownTeam) {
        return mayReadAll(user) || Objects.equals(team, ownTeam);
    }
}
