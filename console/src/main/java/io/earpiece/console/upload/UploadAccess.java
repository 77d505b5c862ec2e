package io.earpiece.console.upload;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who may see or continue an upload: admins and managers all of them, reps the ones they started. */
final class UploadAccess {

    private UploadAccess() {
    }

    static boolean maySee(Authentication user, String owner) {
        return maySeeAll(user) || (user != null && owner != null && user.getName().equals(owner));
    }

    static String owner(Authentication user) {
        return user == null ? null : user.getName();
    }

    private static boolean maySeeAll(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_MANAGER"));
    }
}
