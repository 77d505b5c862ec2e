package io.earpiece.db.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored bearer credentials, looked up by the hash of the presented token. */
public interface ApiTokenRepository extends JpaRepository<ApiTokenEntity, Long> {

    Optional<ApiTokenEntity> findByTokenHash(String tokenHash);

    List<ApiTokenEntity> findByKindOrderByIdAsc(ApiTokenKind kind);

    @Modifying
    @Query("delete from ApiTokenEntity t where t.expiresAt is not null and t.expiresAt < :now")
    int deleteExpired(Instant now);

    @Modifying
    @Query("delete from ApiTokenEntity t where t.userId = :userId and t.kind = :kind")
    int deleteByUserAndKind(Long userId, ApiTokenKind kind);

    @Modifying
    @Query("delete from ApiTokenEntity t where t.userId = :userId")
    int deleteByUser(Long userId);
}
