package io.earpiece.db.user;

/** What a console user may see and do: everything, their team's calls, or their own calls. */
public enum UserRole {
    ADMIN, MANAGER, REP
}
