package io.earpiece.db.telephony;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

/** Softphone credentials per browser session. */
public interface SoftphoneCredentialRepository extends JpaRepository<SoftphoneCredentialEntity, Long> {

    /**
     * The credentials of this SIP user that still count: their browser session is stored and not expired, and the
     * console user it was issued to is enabled, on the same session generation (no password change or disabling
     * since) and still has this SIP user (their {@code sipUser}, or their username when that is blank).
     */
    @Query("""
            select c from SoftphoneCredentialEntity c, WebSessionEntity s, UserEntity u
            where c.sipUser = :sipUser and c.realm = :realm
              and s.idHash = c.sessionHash and s.expiresAt > :now
              and u.id = c.userId and u.enabled = true and u.sessionGeneration = c.sessionGeneration
              and (trim(u.sipUser) = c.sipUser
                   or ((u.sipUser is null or trim(u.sipUser) = '') and u.username = c.sipUser))""")
    List<SoftphoneCredentialEntity> findLive(String sipUser, String realm, Instant now);

    /** A session's credentials, newest first. */
    List<SoftphoneCredentialEntity> findBySessionHashOrderByCreatedAtDesc(String sessionHash);
}
