package io.earpiece.db.telephony;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Call detail records of relayed calls. */
public interface CallDetailRepository extends JpaRepository<CallDetailEntity, String> {

    List<CallDetailEntity> findAllByOrderByStartedAtDesc(Pageable page);
}
