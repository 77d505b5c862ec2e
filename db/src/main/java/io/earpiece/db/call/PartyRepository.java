package io.earpiece.db.call;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored call legs, one per party. */
public interface PartyRepository extends JpaRepository<PartyEntity, Long> {

    List<PartyEntity> findByCallIdOrderByIdAsc(String callId);

    List<PartyEntity> findByCallIdIn(Collection<String> callIds);

    Optional<PartyEntity> findByCallIdAndParty(String callId, String party);
}
