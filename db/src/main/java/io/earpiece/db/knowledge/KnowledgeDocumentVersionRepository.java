package io.earpiece.db.knowledge;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** The history of knowledge-base documents; its newest id says whether the knowledge base changed. */
public interface KnowledgeDocumentVersionRepository extends JpaRepository<KnowledgeDocumentVersionEntity, Long> {

    List<KnowledgeDocumentVersionEntity> findByDocumentIdOrderByVersionDesc(long documentId);

    /** The id of the newest change, 0 when there never was one. */
    @Query("select coalesce(max(v.id), 0) from KnowledgeDocumentVersionEntity v")
    long newestChange();
}
