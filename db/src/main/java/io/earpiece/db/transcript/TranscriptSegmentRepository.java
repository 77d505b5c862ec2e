package io.earpiece.db.transcript;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

/** Stored transcript segments. */
public interface TranscriptSegmentRepository extends JpaRepository<TranscriptSegmentEntity, Long> {

    List<TranscriptSegmentEntity> findByCallIdOrderByStartMsAscIdAsc(String callId);

    long countByCallId(String callId);

    /** Whether the call's final of this party and index is stored (its unique key). */
    boolean existsByCallIdAndPartyAndIndex(String callId, String party, int index);

    @Query("select s.callId, count(s) from TranscriptSegmentEntity s where s.callId in :ids group by s.callId")
    List<Object[]> countByCallIds(Collection<String> ids);
}
