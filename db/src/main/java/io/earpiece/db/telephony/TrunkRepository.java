package io.earpiece.db.telephony;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** SIP trunks. */
public interface TrunkRepository extends JpaRepository<TrunkEntity, String> {

    List<TrunkEntity> findAllByOrderByCreatedAtAscIdAsc();

    List<TrunkEntity> findByEnabledTrueOrderByCreatedAtAscIdAsc();
}
