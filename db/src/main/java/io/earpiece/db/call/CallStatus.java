package io.earpiece.db.call;

/** Life-cycle state of a stored call. */
public enum CallStatus {
    ACTIVE, ENDED
}
