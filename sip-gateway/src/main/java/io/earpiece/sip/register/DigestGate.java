package io.earpiece.sip.register;

import io.earpiece.sip.SipContext;
import io.earpiece.sip.SipHeaderText;
import io.earpiece.sip.auth.AuthOutcome;
import io.earpiece.sip.auth.DigestAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.ListIterator;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Applies digest authentication to a SIP request: picks the credentials for our realm, and answers
 * 401/407 (with stale=true when due), 403 or 400 itself when they do not pass.
 */
public final class DigestGate {
    private static final Logger log = LoggerFactory.getLogger(DigestGate.class);

    private final DigestAuthenticator authenticator;
    private final SipContext sip;

    public DigestGate(DigestAuthenticator authenticator, SipContext sip) {
        this.authenticator = authenticator;
        this.sip = sip;
    }

    /**
     * The authenticated user name, or null after answering the request with a challenge or refusal.
     *
     * @param proxy true to use Proxy-Authorization and 407 (as for INVITEs), false for Authorization and 401
     */
    public String authenticate(ServerTransaction tx, Request request, boolean proxy) {
        AuthOutcome o = check(tx, request, proxy);
        return o.kind() == AuthOutcome.Kind.ACCEPTED ? o.username() : null;
    }

    /**
     * As {@link #authenticate}, returning the verdict so that callers can tell a first challenge (the normal
     * exchange) from a refusal (worth counting); anything but ACCEPTED has been answered.
     */
    public AuthOutcome check(ServerTransaction tx, Request request, boolean proxy) {
        String header = proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
        AuthOutcome o = authenticator.verify(request.getMethod(), credentials(request, header));
        if (o.kind() == AuthOutcome.Kind.ACCEPTED) {
            return o;
        }
        int challengeStatus = proxy ? Response.PROXY_AUTHENTICATION_REQUIRED : Response.UNAUTHORIZED;
        int status = o.status(challengeStatus);
        try {
            Response r = sip.messages().createResponse(status, request);
            if (status == challengeStatus) {
                String name = proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
                for (String c : authenticator.challenges(o.kind() == AuthOutcome.Kind.STALE)) {
                    r.addHeader(sip.headers().createHeader(name, c));
                }
            } else {
                log.info("{} from {} refused with {}: {}", request.getMethod(), o.username(), status, o.reason());
                r.setReasonPhrase(status == Response.FORBIDDEN ? "Forbidden" : "Bad credentials");
            }
            r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.warn("could not answer {} with {}", request.getMethod(), status, e);
        }
        return o;
    }

    /** The credentials value for our realm, or the first one when none names it, or null. */
    private String credentials(Request request, String headerName) {
        String first = null;
        for (ListIterator<?> it = request.getHeaders(headerName); it.hasNext(); ) {
            Header h = (Header) it.next();
            String realm = h instanceof AuthorizationHeader a ? a.getRealm() : null;
            String value = SipHeaderText.value(h);
            if (authenticator.realm().equals(realm)) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }
}
