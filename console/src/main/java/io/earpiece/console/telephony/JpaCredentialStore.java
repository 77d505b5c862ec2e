package io.earpiece.console.telephony;

import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.sip.auth.CredentialStore;
import io.earpiece.sip.auth.DigestAlgorithm;
import io.earpiece.sip.auth.DigestMath;

import java.time.Instant;

import java.util.Optional;

/** Reps' digest secrets from the database: the HA1 per algorithm, for the realm the user was created in. */
public final class JpaCredentialStore implements CredentialStore {

    private final SipUserRepository users;

    public JpaCredentialStore(SipUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<String> ha1(String username, String realm, DigestAlgorithm algorithm) {
        if (username == null || realm == null) {
            return Optional.empty();
        }
        return users.findById(username)
                .filter(u -> u.getRealm().equals(realm))
                .map(u -> algorithm == DigestAlgorithm.MD5 ? u.getHa1Md5() : u.getHa1Sha256());
    }

    /** Stores or replaces a user's secrets as HA1s; the password is not kept. */
    public SipUserEntity put(String username, String realm, String password, Instant at) {
        String md5 = DigestMath.ha1(DigestAlgorithm.MD5, username, realm, password);
        String sha = DigestMath.ha1(DigestAlgorithm.SHA_256, username, realm, password);
        SipUserEntity user = users.findById(username).orElse(null);
        if (user == null) {
            user = new SipUserEntity(username, realm, md5, sha, at);
        } else {
            user.rekey(realm, md5, sha, at);
        }
        return users.save(user);
    }
}
