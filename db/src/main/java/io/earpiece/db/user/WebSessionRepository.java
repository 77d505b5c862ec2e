package io.earpiece.db.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** Stored browser sign-ins, by the hash of their session id. */
public interface WebSessionRepository extends JpaRepository<WebSessionEntity, String> {

    @Modifying
    @Transactional
    @Query("delete from WebSessionEntity s where s.expiresAt < :now")
    int deleteExpired(Instant now);

    @Modifying
    @Transactional
    @Query("delete from WebSessionEntity s where s.userId = :userId")
    int deleteByUser(Long userId);
}
