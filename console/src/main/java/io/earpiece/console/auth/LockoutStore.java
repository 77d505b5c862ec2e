package io.earpiece.console.auth;

import java.util.function.UnaryOperator;

/** Where {@link Lockouts} keeps its counts: this node's memory, or the database a cluster shares. */
interface LockoutStore {

    /** The key's state, or null when it has none. */
    Lockouts.State find(String key);

    /** Replaces the key's state (null when none) with {@code change}'s answer, atomically for this store. */
    void update(String key, UnaryOperator<Lockouts.State> change);

    void remove(String key);
}
