package io.earpiece.console.softphone;

import io.earpiece.console.auth.TokenCodec;
import io.earpiece.db.telephony.SoftphoneCredentialEntity;
import io.earpiece.db.telephony.SoftphoneCredentialRepository;
import io.earpiece.db.user.WebSessionRepository;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestMath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Issues the browser softphone a SIP password of its own, bound to the console session that asked for it, so the
 * account's long-lived HA1 never reaches the browser. The password is random (128 bits), handed out once and
 * stored only as its HA1s; it counts while the session lives (see {@link SessionCredentialStore} and
 * V28__softphone_credentials.sql for what revokes it).
 */
@Component
public class SessionSipCredentials {

    /**
     * Credentials kept per session: each page load (a reload, a second tab) asks for its own, and an older tab's
     * Janus may still be registered with the previous one; beyond this many the oldest stop working.
     */
    static final int MAX_PER_SESSION = 4;

    private final SoftphoneCredentialRepository credentials;
    private final WebSessionRepository sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SessionSipCredentials(SoftphoneCredentialRepository credentials, WebSessionRepository sessions) {
        this(credentials, sessions, Clock.systemUTC());
    }

    SessionSipCredentials(SoftphoneCredentialRepository credentials, WebSessionRepository sessions, Clock clock) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A new password for this session's softphone.
     *
     * @param sessionId         the console session's id (stored only as its hash)
     * @param sessionGeneration the user's session generation the session signed in under
     * @throws NoStoredSessionException when the request did not come with a stored console sign-in (a bearer token,
     *                                  HTTP Basic): there is no session whose end would revoke the credential
     */
    @Transactional
    public String issue(String sessionId, long userId, int sessionGeneration, String sipUser, String realm) {
        String sessionHash = TokenCodec.hash(sessionId);
        if (!sessions.existsById(sessionHash)) {
            throw new NoStoredSessionException();
        }
        List<SoftphoneCredentialEntity> held = credentials.findBySessionHashOrderByCreatedAtDesc(sessionHash);
        if (held.size() >= MAX_PER_SESSION) {
            credentials.deleteAll(held.subList(MAX_PER_SESSION - 1, held.size()));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        credentials.save(new SoftphoneCredentialEntity(sessionHash, userId, sessionGeneration, sipUser, realm,
                DigestMath.ha1(DigestAlgorithm.MD5, sipUser, realm, password),
                DigestMath.ha1(DigestAlgorithm.SHA_256, sipUser, realm, password), clock.instant()));
        return password;
    }

    /** The request has no stored console session to bind a credential to. */
    public static final class NoStoredSessionException extends RuntimeException {
        NoStoredSessionException() {
            super("a softphone credential is issued to a console sign-in (POST /api/auth/login, session cookie) only,"
                    + " not to bearer tokens or HTTP Basic");
        }
    }
}
