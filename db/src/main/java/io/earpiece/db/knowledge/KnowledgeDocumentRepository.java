package io.earpiece.db.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/** The knowledge-base documents as they are now. */
public interface KnowledgeDocumentRepository extends JpaRepository<KnowledgeDocumentEntity, Long> {

    List<KnowledgeDocumentEntity> findAllByOrderByIdAsc();

    Optional<KnowledgeDocumentEntity> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
