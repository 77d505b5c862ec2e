package io.earpiece.console.auth;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * The signed-in user as Spring Security sees it; the principal of every authentication this package makes.
 * Once authenticated it carries no password hash, so sessions never hold one. {@code sessionGeneration} is the
 * user's at sign-in; a session whose copy is behind the stored one no longer counts ({@link StaleSessionFilter}).
 */
public record Account(long id, String username, String passwordHash, UserRole role, boolean enabled,
                      int sessionGeneration)
        implements UserDetails {

    static Account of(UserEntity user) {
        return new Account(user.getId(), user.getUsername(), user.getPasswordHash(), user.getRole(), user.isEnabled(),
                user.getSessionGeneration());
    }

    Account withoutPassword() {
        return new Account(id, username, null, role, enabled, sessionGeneration);
    }

    /** The Spring authority of a role, e.g. {@code ROLE_ADMIN}. */
    static String authority(UserRole role) {
        return "ROLE_" + role.name();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(authority(role)));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
