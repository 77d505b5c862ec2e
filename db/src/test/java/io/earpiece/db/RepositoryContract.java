package io.earpiece.db;

import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallEventEntity;
import io.earpiece.db.call.CallEventRepository;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.CallStatus;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository behaviour every supported database must show; subclasses pick the database. Transactional here:
 * the subclass's {@code @DataJpaTest} transaction does not reach methods declared in this superclass, and
 * without it a second run on the same PostgreSQL database found the first run's rows.
 */
@Transactional
abstract class RepositoryContract {

    @Autowired
    CallRepository calls;
    @Autowired
    PartyRepository parties;
    @Autowired
    TranscriptSegmentRepository segments;
    @Autowired
    CallEventRepository events;
    @Autowired
    io.earpiece.db.lease.LeaseRepository leases;
    @Autowired
    io.earpiece.db.user.LoginLockoutRepository lockouts;
    @Autowired
    io.earpiece.db.telephony.SipUserRepository sipUsers;
    @Autowired
    io.earpiece.db.telephony.SipBindingRepository bindings;

    @Test
    void aFlowsBindingsGoWithItsConnectionAndOtherBindingsFromThereStay() {
        Instant t0 = Instant.parse("2026-12-08T00:30:00Z");
        sipUsers.saveAndFlush(new io.earpiece.db.telephony.SipUserEntity("flowrep", "earpiece", "a", "b", t0));
        String source = "198.51.100.4:50001;transport=tcp";
        var flow = new io.earpiece.db.telephony.SipBindingEntity("flowrep", "sip:flowrep@10.0.0.2:5060;ob");
        flow.refresh(source, "call-1", 2, t0.plusSeconds(300), "phone");
        flow.flow("<urn:uuid:7c1d9a52-3e0b-4f6e-8a41-2b9f5d06c3e8>", 1);
        bindings.saveAndFlush(flow);
        var plain = new io.earpiece.db.telephony.SipBindingEntity("flowrep", "sip:flowrep@10.0.0.3:5060");
        plain.refresh(source, "call-2", 2, t0.plusSeconds(300), "phone");
        bindings.saveAndFlush(plain);
        assertThat(bindings.findByUsernameAndExpiresAtAfterOrderByIdAsc("flowrep", t0).get(0).getRegId())
                .isEqualTo(1);
        assertThat(bindings.deleteFlow(source)).isEqualTo(1);
        assertThat(bindings.findByUsernameAndExpiresAtAfterOrderByIdAsc("flowrep", t0)).singleElement()
                .satisfies(b -> assertThat(b.getRegId()).as("no flow: reached at its Contact").isZero());
    }

    @Test
    void aLoginLockoutIsReadLockedUpdatedAndSweptWhenForgotten() {
        Instant t0 = Instant.parse("2026-12-07T11:00:00Z");
        var row = new io.earpiece.db.user.LoginLockoutEntity("user:admin");
        row.set(1, 0, t0, t0, t0.plusSeconds(900));
        lockouts.saveAndFlush(row);
        var locked = lockouts.findForUpdate("user:admin").orElseThrow();
        locked.set(0, 1, t0.plusSeconds(5), t0.plusSeconds(35), t0.plusSeconds(935));
        lockouts.saveAndFlush(locked);
        assertThat(lockouts.findById("user:admin").orElseThrow().getLockedUntil()).isEqualTo(t0.plusSeconds(35));
        assertThat(lockouts.findForUpdate("addr:10.0.0.1")).isEmpty();
        assertThat(lockouts.deleteForgotten(t0.plusSeconds(934))).isZero();
        assertThat(lockouts.deleteForgotten(t0.plusSeconds(935))).isEqualTo(1);
    }

    @Test
    void aLeaseIsHeldByOneHolderUntilItRunsOut() {
        Instant t0 = Instant.parse("2026-12-07T02:00:00Z");
        java.time.Duration ttl = java.time.Duration.ofHours(12);
        assertThat(leases.acquire("nightly-report/2026-12-06", "node-a", t0, ttl)).as("free").isTrue();
        assertThat(leases.acquire("nightly-report/2026-12-06", "node-b", t0.plusSeconds(1), ttl)).as("held").isFalse();
        assertThat(leases.acquire("nightly-report/2026-12-06", "node-a", t0.plusSeconds(2), ttl)).as("own").isTrue();
        assertThat(leases.acquire("nightly-report/2026-12-07", "node-b", t0.plusSeconds(3), ttl)).as("other name")
                .isTrue();
        assertThat(leases.acquire("nightly-report/2026-12-06", "node-b", t0.plus(ttl).plusSeconds(3), ttl))
                .as("run out").isTrue();
        assertThat(leases.findById("nightly-report/2026-12-06").orElseThrow().getHolder()).isEqualTo("node-b");
    }

    @Test
    void storesACallWithPartiesAndOrderedSegments() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        CallEntity call = calls.save(new CallEntity("c1", "conv-1", "sip:dialer@x", "sip:assistant@y", start));
        parties.save(new PartyEntity("c1", "rep", "leg-a", "PCMU", "127.0.0.1:4000", 40000, "/tmp/rep.wav", start));
        parties.save(new PartyEntity("c1", "customer", "leg-b", "PCMU", "127.0.0.1:4002", 40002, "/tmp/c.wav", start));
        segments.save(new TranscriptSegmentEntity("c1", "customer", 0, 4200, 6100, "second", start));
        segments.save(new TranscriptSegmentEntity("c1", "rep", 0, 800, 3900, "first", start));

        call.end(start.plus(45_800, ChronoUnit.MILLIS), "REMOTE_BYE");
        calls.save(call);

        CallEntity loaded = calls.findById("c1").orElseThrow();
        assertThat(loaded.getStatus()).isEqualTo(CallStatus.ENDED);
        assertThat(loaded.getDurationMs()).isEqualTo(45_800);
        assertThat(parties.findByCallIdOrderByIdAsc("c1")).extracting(PartyEntity::getParty)
                .containsExactly("rep", "customer");
        assertThat(segments.findByCallIdOrderByStartMsAscIdAsc("c1")).extracting(TranscriptSegmentEntity::getText)
                .containsExactly("first", "second");
        assertThat(segments.countByCallIds(List.of("c1"))).hasSize(1);
        assertThat(calls.findAllByOrderByStartedAtDesc(PageRequest.of(0, 10))).hasSize(1);
    }

    @Test
    void storesCallEventsInOrderAndOnlyForExistingCalls() {
        Instant now = Instant.parse("2026-11-23T11:00:00Z");
        calls.save(new CallEntity("c3", "conv-3", null, null, now));
        events.save(new CallEventEntity("c3", "customer", CallEventEntity.DTMF, "4", 120, 2500, now));
        events.save(new CallEventEntity("c3", "rep", CallEventEntity.HOLD, null, null, 3000, now.plusSeconds(3)));
        events.save(new CallEventEntity("c3", "customer", CallEventEntity.DTMF, "#", 80, 1000, now.plusSeconds(4)));
        assertThat(events.findByCallIdOrderByIdAsc("c3"))
                .extracting(e -> e.getKind() + ":" + e.getDetail() + ":" + e.getDurationMs() + "@" + e.getOffsetMs())
                .containsExactly("dtmf:4:120@2500", "hold:null:null@3000", "dtmf:#:80@1000");
        assertThatThrownBy(() -> events.saveAndFlush(new CallEventEntity("no-such-call", "rep",
                CallEventEntity.DTMF, "1", 100, 0, now))).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusesASecondSegmentWithTheSameIndex() {
        Instant now = Instant.now();
        calls.save(new CallEntity("c2", "conv-2", null, null, now));
        segments.saveAndFlush(new TranscriptSegmentEntity("c2", "rep", 0, 0, 10, "a", now));
        assertThatThrownBy(() -> segments.saveAndFlush(new TranscriptSegmentEntity("c2", "rep", 0, 0, 10, "b", now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
