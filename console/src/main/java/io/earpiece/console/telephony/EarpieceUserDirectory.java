package io.earpiece.console.telephony;

import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Predicate;

/**
 * Whether a recorded participant is one of Earpiece's reps: its AoR's user part (or number) is a user's SIP user
 * (their username when none is set) or extension, the same rule that makes a call theirs in the call list.
 */
@Component
public class EarpieceUserDirectory implements Predicate<String> {
    private final UserRepository users;

    public EarpieceUserDirectory(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean test(String user) {
        if (user == null || user.isBlank()) {
            return false;
        }
        for (UserEntity u : users.findAll()) {
            if (!u.isEnabled()) {
                continue;
            }
            String sip = u.getSipUser() == null || u.getSipUser().isBlank() ? u.getUsername() : u.getSipUser();
            if (user.equalsIgnoreCase(sip) || (u.getExtension() != null && user.equalsIgnoreCase(u.getExtension()))) {
                return true;
            }
        }
        return false;
    }
}
