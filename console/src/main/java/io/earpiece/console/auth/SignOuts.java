package io.earpiece.console.auth;

import io.earpiece.db.user.ApiTokenKind;
import io.earpiece.db.user.ApiTokenRepository;
import io.earpiece.db.user.UserEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a user's sign-ins at once, for password changes, disabling and deletion: login tokens are deleted, and
 * the user's session generation moves on so cookie sessions from before are dropped ({@link StaleSessionFilter}).
 * Runs inside the caller's transaction, which saves the user.
 */
@Component
public class SignOuts {

    private final ApiTokenRepository tokens;

    public SignOuts(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /**
     * Every login token and session of the user. Admin-issued API keys stay: they are not tied to the password,
     * and they stop working anyway while the user is disabled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void everywhere(UserEntity user) {
        tokens.deleteByUserAndKind(user.getId(), ApiTokenKind.LOGIN);
        user.newSessionGeneration();
    }

    /** Everything the user holds, API keys included, before the user is deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forDeletion(UserEntity user) {
        tokens.deleteByUser(user.getId());
    }
}
