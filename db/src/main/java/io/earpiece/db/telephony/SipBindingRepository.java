package io.earpiece.db.telephony;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered devices. */
public interface SipBindingRepository extends JpaRepository<SipBindingEntity, Long> {

    List<SipBindingEntity> findByUsernameAndExpiresAtAfterOrderByIdAsc(String username, Instant now);

    Optional<SipBindingEntity> findByUsernameAndContact(String username, String contact);

    long countByUsernameAndExpiresAtAfter(String username, Instant now);

    @Transactional
    @Modifying
    @Query("delete from SipBindingEntity b where b.username = ?1 and b.contact = ?2")
    int deleteOne(String username, String contact);

    @Transactional
    @Modifying
    @Query("delete from SipBindingEntity b where b.username = ?1")
    int deleteAllOf(String username);

    /** Drops the RFC 5626 flow bindings registered over the connection {@code source}. */
    @Transactional
    @Modifying
    @Query("delete from SipBindingEntity b where b.source = ?1 and b.regId > 0")
    int deleteFlow(String source);

    @Transactional
    @Modifying
    @Query("delete from SipBindingEntity b where b.expiresAt <= ?1")
    int deleteExpired(Instant now);
}
