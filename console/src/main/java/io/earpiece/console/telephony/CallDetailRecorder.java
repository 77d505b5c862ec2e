package io.earpiece.console.telephony;

import io.earpiece.db.telephony.CallDetailEntity;
import io.earpiece.db.telephony.CallDetailRepository;
import io.earpiece.sip.b2bua.CallDetail;
import io.earpiece.sip.b2bua.CallDetailListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stores the B2BUA's call detail records. The B2BUA reports on SIP threads that must not block, so the writes
 * run in order on one thread of their own; the record is linked to the relay (and so to the call's transcript)
 * opened while the INVITE was handled.
 */
public final class CallDetailRecorder implements CallDetailListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallDetailRecorder.class);

    private final CallDetailRepository details;
    private final InviteScope scope;
    private final Map<String, CoordinatorMediaRelay.AnchoredRelay> relays = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "call-detail-writer");
        t.setDaemon(true);
        return t;
    });

    public CallDetailRecorder(CallDetailRepository details, InviteScope scope) {
        this.details = details;
        this.scope = scope;
    }

    @Override
    public void started(CallDetail d) {
        CoordinatorMediaRelay.AnchoredRelay relay = scope.takeOpened();
        if (relay != null) {
            relays.put(d.callId(), relay);
        }
        String conversation = relay == null ? null : relay.conversationId();
        write(d, () -> {
            CallDetailEntity e = new CallDetailEntity(d.callId(), d.direction().name(), d.rep(), d.remote(),
                    d.trunkId(), d.started());
            e.setConversationId(conversation);
            apply(e, d);
            details.save(e);
        });
    }

    @Override
    public void answered(CallDetail d) {
        write(d, () -> details.findById(d.callId()).ifPresent(e -> {
            apply(e, d);
            details.save(e);
        }));
    }

    @Override
    public void ended(CallDetail d) {
        CoordinatorMediaRelay.AnchoredRelay relay = relays.remove(d.callId());
        long fromRep = relay == null ? 0 : relay.forwardedFromRep();
        long fromCustomer = relay == null ? 0 : relay.forwardedFromCustomer();
        write(d, () -> {
            CallDetailEntity e = details.findById(d.callId()).orElseGet(() -> new CallDetailEntity(d.callId(),
                    d.direction().name(), d.rep(), d.remote(), d.trunkId(), d.started()));
            apply(e, d);
            e.setPacketsForwarded(fromRep, fromCustomer);
            details.save(e);
        });
    }

    private static void apply(CallDetailEntity e, CallDetail d) {
        e.update(d.rep(), d.answered(), d.ended(), d.disposition().name(), d.finalStatus(),
                d.endedBy() == null ? null : d.endedBy().name());
    }

    private void write(CallDetail d, Runnable r) {
        writer.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("storing call detail {} ({}) failed", d.callId(), d.disposition(), e);
            }
        });
    }

    /** Finishes the queued writes. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
