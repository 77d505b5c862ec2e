package io.earpiece.db.lease;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Named leases in the shared database, so that work meant to happen once per cluster happens on one node: whoever
 * takes the lease does it, the others see it held. The database decides, so no clock but the caller's is trusted
 * and two nodes racing for a fresh name are settled by its primary key.
 */
public interface LeaseRepository extends JpaRepository<LeaseEntity, String> {

    /** Takes {@code name} over when it ran out or is already {@code holder}'s; 1 when taken. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("update LeaseEntity l set l.holder = :holder, l.heldUntil = :until "
            + "where l.name = :name and (l.heldUntil <= :now or l.holder = :holder)")
    int takeOver(String name, String holder, Instant until, Instant now);

    /**
     * True when {@code holder} now holds {@code name} until {@code now + ttl}: it was free, had run out, or was
     * already theirs. Not one transaction on purpose: a lost insert race must fail alone, not the caller's work.
     */
    default boolean acquire(String name, String holder, Instant now, Duration ttl) {
        if (takeOver(name, holder, now.plus(ttl), now) == 1) {
            return true;
        }
        if (existsById(name)) {
            return false;
        }
        try {
            saveAndFlush(new LeaseEntity(name, holder, now.plus(ttl)));
            return true;
        } catch (DataIntegrityViolationException e) {
            return false; // another node inserted it first
        }
    }
}
