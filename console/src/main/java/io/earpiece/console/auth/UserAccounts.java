package io.earpiece.console.auth;

import io.earpiece.console.followup.FollowUpMailer;
import io.earpiece.db.user.TeamEntity;
import io.earpiece.db.user.TeamRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.db.user.UserRole;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Users and teams: creation with hashed passwords, listings for admins, password changes; blocking JPA. */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SIP_IDENTITY = Pattern.compile("[A-Za-z0-9._+*#-]{1,128}");

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final AuthProperties properties;
    private final SignOuts signOuts;
    private final Clock clock;

    public UserAccounts(UserRepository users, TeamRepository teams, PasswordEncoder encoder, AuthProperties properties,
                        SignOuts signOuts, ObjectProvider<Clock> clock) {
        this.users = users;
        this.teams = teams;
        this.encoder = encoder;
        this.properties = properties;
        this.signOuts = signOuts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public AuthViews.Me me(String username) {
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no user " + username));
        return new AuthViews.Me(user.getUsername(), List.of(user.getRole().name()), teamName(user.getTeamId()));
    }

    /** Creates a user; an unknown team name creates the team. */
    @Transactional
    public AuthViews.UserView create(AuthViews.NewUser request) {
        if (request == null || request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw badRequest("username must be 1..64 of letters, digits, '.', '_', '@', '-'");
        }
        UserRole role = role(request.role());
        checkPassword(request.password());
        String sipUser = sipIdentity("sipUser", request.sipUser());
        String extension = sipIdentity("extension", request.extension());
        if (users.existsByUsername(request.username())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user " + request.username() + " exists");
        }
        Long teamId = request.team() == null || request.team().isBlank() ? null : team(request.team().trim()).getId();
        UserEntity saved = users.save(new UserEntity(request.username(), encoder.encode(request.password()), role, teamId,
                sipUser, extension, clock.instant()));
        return view(saved, teamName(teamId));
    }

    @Transactional(readOnly = true)
    public List<AuthViews.UserView> list() {
        Map<Long, String> teamNames = teams.findAll().stream()
                .collect(Collectors.toMap(TeamEntity::getId, TeamEntity::getName));
        return users.findAllByOrderByUsernameAsc().stream()
                .map(u -> view(u, u.getTeamId() == null ? null : teamNames.get(u.getTeamId()))).toList();
    }

    @Transactional(readOnly = true)
    public List<AuthViews.TeamView> teams() {
        Map<Long, List<String>> members = users.findAllByOrderByUsernameAsc().stream()
                .filter(u -> u.getTeamId() != null)
                .collect(Collectors.groupingBy(UserEntity::getTeamId,
                        Collectors.mapping(UserEntity::getUsername, Collectors.toList())));
        return teams.findAllByOrderByNameAsc().stream()
                .map(t -> new AuthViews.TeamView(t.getId(), t.getName(), members.getOrDefault(t.getId(), List.of())))
                .toList();
    }

    @Transactional
    public AuthViews.TeamView createTeam(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 128) {
            throw badRequest("team name must be 1..128 characters");
        }
        if (teams.findByName(name.trim()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "team " + name.trim() + " exists");
        }
        TeamEntity team = teams.save(new TeamEntity(name.trim(), clock.instant()));
        return new AuthViews.TeamView(team.getId(), team.getName(), List.of());
    }

    /**
     * Changes the user's own password after checking the current one, and ends all their sign-ins: whoever
     * knew the old password must not stay in. Answers the account as it now is (for the caller's own session).
     */
    @Transactional
    public Account changePassword(String username, AuthViews.PasswordChange change) {
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no user " + username));
        if (change == null || change.currentPassword() == null
                || !encoder.matches(change.currentPassword(), user.getPasswordHash())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "current password is wrong");
        }
        checkPassword(change.newPassword());
        user.changePasswordHash(encoder.encode(change.newPassword()));
        signOuts.everywhere(user);
        return Account.of(users.save(user)).withoutPassword();
    }

    /** Allows or refuses the user's sign-in; disabling ends their sign-ins. Admins cannot lock themselves out. */
    @Transactional
    public AuthViews.UserView setEnabled(String actor, String username, Boolean enabled) {
        if (enabled == null) {
            throw badRequest("enabled must be true or false");
        }
        UserEntity user = otherUser(actor, username, "disable");
        if (user.isEnabled() && !enabled) {
            signOuts.everywhere(user);
        }
        user.setEnabled(enabled);
        UserEntity saved = users.save(user);
        return view(saved, teamName(saved.getTeamId()));
    }

    /**
     * Gives the user another role and ends their sign-ins, whose sessions hold the old one. Admins cannot change
     * their own role (409), so the last admin cannot demote themselves by mistake.
     */
    @Transactional
    public AuthViews.UserView setRole(String actor, String username, String role) {
        UserRole newRole = role(role);
        UserEntity user = otherUser(actor, username, "change the role of");
        if (user.getRole() != newRole) {
            signOuts.everywhere(user);
            user.setRole(newRole);
        }
        UserEntity saved = users.save(user);
        return view(saved, teamName(saved.getTeamId()));
    }

    /**
     * Puts the user in a team and on a SIP user and extension, or takes them off (null or blank). Their calls are
     * matched by these from now on (CallOwnership); calls stored before keep their From and To.
     */
    @Transactional
    public AuthViews.UserView assign(String username, AuthViews.Assignment assignment) {
        if (assignment == null) {
            throw badRequest("send team, sipUser and extension (null or empty for none)");
        }
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
        String sipUser = sipIdentity("sipUser", assignment.sipUser());
        String extension = sipIdentity("extension", assignment.extension());
        String team = assignment.team() == null ? "" : assignment.team().trim();
        if (team.length() > 128) {
            throw badRequest("team name must be 1..128 characters");
        }
        user.assign(team.isEmpty() ? null : team(team).getId(), sipUser, extension);
        UserEntity saved = users.save(user);
        return view(saved, teamName(saved.getTeamId()));
    }

    /**
     * Sets the user's e-mail address (where routing's "team lead" messages go), or clears it (null or blank); 400
     * for anything but one address with a domain.
     */
    @Transactional
    public AuthViews.UserView setEmail(String username, String email) {
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
        String address = null;
        if (email != null && !email.isBlank()) {
            try {
                List<InternetAddress> parsed = FollowUpMailer.recipients(email.strip());
                if (parsed.size() != 1 || parsed.get(0).getAddress().length() > 254) {
                    throw badRequest("email: give one address of at most 254 characters");
                }
                address = parsed.get(0).getAddress();
            } catch (AddressException e) {
                throw badRequest("email: \"" + email.strip() + "\" is not an e-mail address");
            }
        }
        user.setEmail(address);
        return view(users.save(user), teamName(user.getTeamId()));
    }

    /**
     * Sets the name the user goes by on calls ("Sam Okafor"), or clears it (null or blank): the rep party of
     * their calls is named by it from the next call that ends; calls named before keep their names.
     */
    @Transactional
    public AuthViews.UserView setDisplayName(String username, AuthViews.DisplayName body) {
        String name = body == null || body.displayName() == null ? "" : body.displayName().strip();
        if (name.length() > 128) {
            throw badRequest("displayName must be at most 128 characters");
        }
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
        user.setDisplayName(name);
        UserEntity saved = users.save(user);
        return view(saved, teamName(saved.getTeamId()));
    }

    /** Deletes the user with all their tokens and API keys; their calls and uploads stay. */
    @Transactional
    public void delete(String actor, String username) {
        UserEntity user = otherUser(actor, username, "delete");
        signOuts.forDeletion(user);
        users.delete(user);
    }

    /** The named user, unless it is the acting admin (409) or unknown (404). */
    private UserEntity otherUser(String actor, String username, String action) {
        UserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username));
        if (user.getUsername().equals(actor)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "you cannot " + action + " yourself");
        }
        return user;
    }

    private void checkPassword(String password) {
        if (password == null || password.length() < properties.minPasswordLength() || password.length() > 256) {
            throw badRequest("password must be " + properties.minPasswordLength() + "..256 characters");
        }
    }

    private TeamEntity team(String name) {
        return teams.findByName(name).orElseGet(() -> teams.save(new TeamEntity(name, clock.instant())));
    }

    private String teamName(Long teamId) {
        return teamId == null ? null : teams.findById(teamId).map(TeamEntity::getName).orElse(null);
    }

    private static UserRole role(String role) {
        try {
            return UserRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("role must be ADMIN, MANAGER or REP");
        }
    }

    private static String sipIdentity(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SIP_IDENTITY.matcher(value.trim()).matches()) {
            throw badRequest(field + " must be a SIP user part (letters, digits, '.', '_', '+', '*', '#', '-')");
        }
        return value.trim();
    }

    private static AuthViews.UserView view(UserEntity u, String team) {
        return new AuthViews.UserView(u.getId(), u.getUsername(), u.getRole().name(), team, u.getSipUser(),
                u.getExtension(), u.isEnabled(), u.getCreatedAt(), u.getDisplayName(), u.getEmail());
    }

    private static ResponseStatusException badRequest(String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, why);
    }
}
