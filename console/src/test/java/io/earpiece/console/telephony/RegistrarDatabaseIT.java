package io.earpiece.console.telephony;

import io.earpiece.console.testing.SharedTestServer;
import io.earpiece.db.telephony.SipBindingRepository;
import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.console.polling.OutageLogs;
import io.earpiece.sip.register.Binding;
import io.earpiece.sip.register.BindingStore;
import io.earpiece.sip.register.RegistrarIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Autowired
    OutageLogs outages;

    @Test
    void expiredBindingsAreSkippedOnReadAndPurged() {
        JpaBindingStore store = (JpaBindingStore) store();
        Instant now = Instant.now();
        store.save(new Binding(USER, "sip:" + USER + "@192.0.2.7:5062", Binding.source("192.0.2.7", 5062, "udp"),
                "purge-1", 1, now.minusSeconds(1), null, "a", List.of()));
        store.save(new Binding(USER, "sip:" + USER + "@192.0.2.8:5062", Binding.source("192.0.2.8", 5062, "tcp"),
                "purge-2", 1, now.plusSeconds(600), null, "b", List.of("<sip:10.0.0.2;lr>")));
        assertThat(store.find(USER, now)).singleElement().satisfies(b -> {
            assertThat(b.node()).isEqualTo("b");
            assertThat(b.path()).containsExactly("<sip:10.0.0.2;lr>");
        });
        assertThat(bindings.findByUsernameAndContact(USER, "sip:" + USER + "@192.0.2.7:5062")).isPresent();

        new BindingPurge(bindings, Duration.ofMinutes(5), Clock.systemUTC(), outages).purge();
        assertThat(bindings.findByUsernameAndContact(USER, "sip:" + USER + "@192.0.2.7:5062")).as("purged").isEmpty();
        assertThat(store.find(USER, now)).hasSize(1);
    }
}
