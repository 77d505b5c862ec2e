package io.earpiece.console.softphone;

import io.earpiece.db.telephony.SoftphoneCredentialEntity;
import io.earpiece.db.telephony.SoftphoneCredentialRepository;
import io.earpiece.sip.auth.CredentialStore;
import io.earpiece.sip.auth.DigestAlgorithm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's secrets: the SIP account's own HA1 (desk phones, dialers) and the per-session credentials of
 * browser softphones ({@link SessionSipCredentials}) whose console session still counts. Each REGISTER or INVITE
 * check reads the database, so a sign-out, password change or disabling on any node of a cluster revokes at once.
 */
public final class SessionCredentialStore implements CredentialStore {

    private final CredentialStore accounts;
    private final SoftphoneCredentialRepository sessions;
    private final Clock clock;

    public SessionCredentialStore(CredentialStore accounts, SoftphoneCredentialRepository sessions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
        return accounts.ha1(username, realm, algorithm);
    }

    @Override
    public List<String> ha1s(String username, String realm, DigestAlgorithm algorithm) {
        List<String> out = new ArrayList<>(accounts.ha1s(username, realm, algorithm));
        if (username == null || realm == null) {
            return out;
        }
        for (SoftphoneCredentialEntity c : sessions.findLive(username, realm, clock.instant())) {
            out.add(algorithm == DigestAlgorithm.MD5 ? c.getHa1Md5() : c.getHa1Sha256());
        }
        return out;
    }
}
