package io.earpiece.sip.access;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.auth.AuthOutcome;
import io.earpiece.sip.register.DigestGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The bot's door: lets a new bot-leg INVITE through when its source is trusted or it carries good digest
 * credentials, and otherwise answers it (403, or a 401 challenge when digest is configured) before any leg or
 * call exists, so an untrusted From never reaches a rep's call list.
 */
public final class BotLegGate {
    private static final Logger log = LoggerFactory.getLogger(BotLegGate.class);
    /** Read by people looking at a trace: it says what to change, not just "no". */
    static final String UNTRUSTED_REASON = "Forbidden: this address may not place calls to Earpiece";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BotAccess access;
    private final SipContext sip;
    private final DigestGate digest;
    private final Refusals refusals;

    public BotLegGate(BotAccess access, SipContext sip, Refusals refusals) {
        this.access = access;
        this.sip = sip;
        this.refusals = refusals;
        this.digest = access.digest() == null ? null : new DigestGate(access.digest(), sip);
    }

    public BotAccess access() {
        return access;
    }

    /**
     * True to go on with the INVITE; false when it has been answered here.
     *
     * @param source the peer's IP address as the stack saw it, or null when unknown (then it is not trusted)
     */
    public boolean admit(ServerTransaction tx, Request invite, String source) {
        if (access.trustedSources().contains(source)) {
            return true;
        }
        if (digest != null) {
            AuthOutcome o = digest.check(tx, invite, false);
            switch (o.kind()) {
                case ACCEPTED -> {
                    log.debug("bot leg from {} authenticated as {}", source, o.username());
                    return true;
                }
                case CHALLENGE, STALE -> {
                    // The normal first round of digest: not a refusal.
                    return false;
                }
                default -> {
                    refusals.refused(Refusals.Reason.BAD_CREDENTIALS, invite.getMethod(), source,
                            o.reason() + " (user " + o.username() + ")");
                    return false;
                }
            }
        }
        refusals.refused(Refusals.Reason.UNTRUSTED_SOURCE, invite.getMethod(), source,
                "not in earpiece.sip.bot.trusted-sources (" + access.trustedSources() + ")");
        try {
            Response r = sip.messages().createResponse(Response.FORBIDDEN, invite);
            r.setReasonPhrase(UNTRUSTED_REASON);
            // RFC 3261 8.2.6.2: a final response to a request without a To tag adds one.
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
            r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.debug("could not refuse INVITE from {}: {}", source, e.toString());
        }
        return false;
    }
}
