package io.earpiece.db.user;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins per key, shared by a cluster's nodes (see {@link LoginLockoutEntity}). */
public interface LoginLockoutRepository extends JpaRepository<LoginLockoutEntity, String> {

    /** The key's row, locked until the caller's transaction ends, so two nodes counting a failure do not lose one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from LoginLockoutEntity l where l.key = :key")
    Optional<LoginLockoutEntity> findForUpdate(String key);

    @Modifying
    @Transactional
    @Query("delete from LoginLockoutEntity l where l.forgottenAt <= :now")
    int deleteForgotten(Instant now);
}
