package io.earpiece.sip.register;

import java.time.Instant;
import java.util.List;

/** Where the registrar keeps bindings; the console backs it with the database. */
public interface BindingStore {

    /** The user's bindings that have not expired at {@code now}, oldest first. */
    List<Binding> find(String user, Instant now);

    /** Adds a binding or replaces the one with the same user and contact. */
    void save(Binding binding);

    /** Removes one binding, if present. */
    void remove(String user, String contact);

    /** Removes every binding of the user. */
    void removeAll(String user);

    /**
     * Removes every RFC 5626 flow binding (one with an instance and reg-id) registered over the connection
     * {@code source} ({@link Binding#source} form), whoever's it is; returns how many went. Other bindings from
     * that address stay: without outbound a device is reached at its Contact, not on its connection.
     */
    int removeFlow(String source);
}
