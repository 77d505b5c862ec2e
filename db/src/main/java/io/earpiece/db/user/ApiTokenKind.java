package io.earpiece.db.user;

/** Where a bearer credential came from: a user's own token request (expires) or an admin-issued API key. */
public enum ApiTokenKind {
    LOGIN, API_KEY
}
