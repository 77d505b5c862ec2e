package io.earpiece.console.auth;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the auth and admin APIs; none of them ever carries a password hash. */
public final class AuthViews {

    private AuthViews() {
    }

    /** Username and password, the body of login and token requests. */
    public record Credentials(String username, String password) {
    }

    /** Who is signed in: {@code GET /api/auth/me} and the login answer. */
    public record Me(String username, List<String> roles, String team) {
    }

    /** A bearer token for scripts and when it stops working. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** The body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** A user as admins see it. */
    public record UserView(long id, String username, String role, String team, String sipUser, String extension,
                           boolean enabled, Instant createdAt, String displayName, String email) {
    }

    /** The body of {@code PUT /api/admin/users/{username}/display-name}: the name on calls (null or blank: none). */
    public record DisplayName(String displayName) {
    }

    /** The body of {@code PUT /api/admin/users/{username}/email}: an address, or null or blank to clear it. */
    public record EmailChange(String email) {
    }

    /** The body of {@code PUT /api/admin/users/{username}/enabled}. */
    public record RoleChange(String role) {
    }

    public record Enabled(Boolean enabled) {
    }

    /**
     * The body of {@code PUT /api/admin/users/{username}/assignment}: the user's team (an unknown name creates it)
     * and the SIP user and extension their calls are matched by; null or blank clears each.
     */
    public record Assignment(String team, String sipUser, String extension) {
    }

    /** The body of a user creation; role is ADMIN, MANAGER or REP, team a name (created when new). */
    public record NewUser(String username, String password, String role, String team, String sipUser,
                          String extension) {
    }

    /** A team and its members' usernames. */
    public record TeamView(long id, String name, List<String> members) {
    }

    /** The body of a team creation. */
    public record NewTeam(String name) {
    }

    /** The body of an API key request: a label and the user the key acts as. */
    public record NewApiKey(String name, String username) {
    }

    /** A new API key; {@code key} is shown only in this answer. */
    public record IssuedApiKey(long id, String key, String name, String username) {
    }

    /** An API key as listed, without the key. */
    public record ApiKeyView(long id, String name, String username, Instant createdAt) {
    }

    /** The body of every refusal the auth layer writes itself. */
    public record Problem(String message) {
    }
}
