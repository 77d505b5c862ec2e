package io.earpiece.console.telephony;

import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.db.telephony.TrunkEntity;
import io.earpiece.db.telephony.TrunkRepository;
import io.earpiece.sip.b2bua.SrtpPolicies;
import io.earpiece.sip.sdp.SrtpPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA's SRTP policies as stored by the admin API ({@code srtp} of /api/admin/trunks and /api/admin/sip-users,
 * migration V17), read when a call starts so a change applies to the next call without restarting the trunk.
 */
final class StoredSrtpPolicies implements SrtpPolicies {

    private static final Logger log = LoggerFactory.getLogger(StoredSrtpPolicies.class);

    private final TrunkRepository trunks;
    private final SipUserRepository users;
    private final String trunkId;

    StoredSrtpPolicies(TrunkRepository trunks, SipUserRepository users, String trunkId) {
        this.trunks = trunks;
        this.users = users;
        this.trunkId = trunkId;
    }

    @Override
    public SrtpPolicy trunk() {
        return policy(trunks.findById(trunkId).map(TrunkEntity::getSrtp).orElse(null), "trunk " + trunkId);
    }

    @Override
    public SrtpPolicy user(String username) {
        return policy(users.findById(username).map(SipUserEntity::getSrtp).orElse(null), "SIP user " + username);
    }

    private static SrtpPolicy policy(String stored, String of) {
        if (stored == null) {
            return SrtpPolicy.OPTIONAL;
        }
        try {
            return SrtpPolicy.parse(stored);
        } catch (IllegalArgumentException e) {
            // The admin API only stores valid values; a hand-edited row must not take calls down.
            log.warn("{}: {}; using optional", of, e.getMessage());
            return SrtpPolicy.OPTIONAL;
        }
    }
}
