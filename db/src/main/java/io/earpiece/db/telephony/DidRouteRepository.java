package io.earpiece.db.telephony;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** The DID routing table. */
public interface DidRouteRepository extends JpaRepository<DidRouteEntity, String> {

    List<DidRouteEntity> findAllByOrderByDidAsc();
}
