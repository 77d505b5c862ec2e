package io.earpiece.db.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit log; rows are added, never changed. */
public interface AuditEntryRepository extends JpaRepository<AuditEntryEntity, Long> {

    /** Newest first. */
    Page<AuditEntryEntity> findAllByOrderByIdDesc(Pageable page);

    /** One action's entries (e.g. {@code login.failure}), newest first. */
    Page<AuditEntryEntity> findByActionOrderByIdDesc(String action, Pageable page);
}
