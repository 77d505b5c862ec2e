package io.earpiece.console.telephony;

import io.earpiece.db.telephony.SipBindingEntity;
import io.earpiece.db.telephony.SipBindingRepository;
import io.earpiece.sip.register.Binding;
import io.earpiece.sip.register.BindingStore;

import java.time.Instant;
import java.util.List;

/** Registrar bindings in the database, so a restart does not forget where reps' phones are. */
public final class JpaBindingStore implements BindingStore {

    private final SipBindingRepository bindings;

    public JpaBindingStore(SipBindingRepository bindings) {
        this.bindings = bindings;
    }

    @Override
    public List<Binding> find(String user, Instant now) {
        return bindings.findByUsernameAndExpiresAtAfterOrderByIdAsc(user, now).stream()
                .map(JpaBindingStore::binding).toList();
    }

    @Override
    public void save(Binding b) {
        SipBindingEntity e = bindings.findByUsernameAndContact(b.user(), b.contact())
                .orElseGet(() -> new SipBindingEntity(b.user(), b.contact()));
        e.refresh(b.source(), b.callId(), b.cseq(), b.expires(), b.userAgent());
        e.flow(b.instance(), b.regId());
        bindings.save(e);
    }

    @Override
    public void remove(String user, String contact) {
        bindings.deleteOne(user, contact);
    }

    @Override
    public void removeAll(String user) {
        bindings.deleteAllOf(user);
    }

    @Override
    public int removeFlow(String source) {
        return bindings.deleteFlow(source);
    }

    static Binding binding(SipBindingEntity e) {
        return new Binding(e.getUsername(), e.getContact(), e.getSource(), e.getSipCallId(), e.getCseq(),
                e.getExpiresAt(), e.getUserAgent(), e.getInstanceId(), e.getRegId());
    }
}
