package io.earpiece.db.telephony;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Reps' SIP accounts. */
public interface SipUserRepository extends JpaRepository<SipUserEntity, String> {

    List<SipUserEntity> findAllByOrderByUsernameAsc();
}
