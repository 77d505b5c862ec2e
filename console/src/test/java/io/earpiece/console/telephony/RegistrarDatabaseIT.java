package io.earpiece.console.telephony;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.db.telephony.SipBindingRepository;
import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.sip.register.BindingStore;
import io.earpiece.sip.register.RegistrarIT;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * sip-gateway's registrar tests, the same sipp phones and assertions, over the database store the console uses (on
 * one node and shared by a cluster's nodes) instead of the in-memory one.
 */
@SharedTestServer
class RegistrarDatabaseIT extends RegistrarIT {

    private static final String USER = "registrar-db-alice";

    @Autowired
    SipBindingRepository bindings;

    @Autowired
    SipUserRepository users;

    @Override
    protected BindingStore store() {
        // bindings belong to a SIP user (foreign key); the digest itself is checked by the test's own credentials
        if (users.findById(USER).isEmpty()) {
            users.save(new SipUserEntity(USER, "earpiece.test", "unused", "unused", Instant.now()));
        }
        JpaBindingStore store = new JpaBindingStore(bindings);
        store.removeAll(USER);
        return store;
    }

    @Override
    protected String user() {
        return USER;
    }
}
