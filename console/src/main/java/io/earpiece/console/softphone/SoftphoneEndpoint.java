package io.earpiece.console.softphone;

import io.earpiece.console.auth.Account;
import io.earpiece.console.telephony.TelephonyProperties;
import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.db.user.UserEntity;
import io.earpiece.db.user.UserRepository;
import io.earpiece.sip.SipGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands the signed-in rep what their browser needs to be a softphone: the Janus URL and their own SIP
 * credentials. Only the caller's own SIP account is ever named, with a password issued to this console session
 * ({@link SessionSipCredentials}), never the account's password or HA1, and the answer must not be cached; 404
 * while no Janus is configured, 409 when the rep has no SIP account or the request has no console session.
 */
@RestController
@RequestMapping("/api/softphone")
public class SoftphoneEndpoint {

    private static final Logger log = LoggerFactory.getLogger(SoftphoneEndpoint.class);

    private final SoftphoneProperties softphone;
    private final TelephonyProperties telephony;
    private final UserRepository users;
    private final SipUserRepository sipUsers;
    private final SipGateway gateway;
    private final SessionSipCredentials credentials;
    private final String mediaHost;

    public SoftphoneEndpoint(SoftphoneProperties softphone, TelephonyProperties telephony, UserRepository users,
                             SipUserRepository sipUsers, SipGateway gateway, SessionSipCredentials credentials,
                             @Qualifier("mediaHost") String mediaHost) {
        this.softphone = softphone;
        this.telephony = telephony;
        this.users = users;
        this.sipUsers = sipUsers;
        this.gateway = gateway;
        this.credentials = credentials;
        this.mediaHost = mediaHost;
        if (softphone.enabled() && !telephony.digestAlgorithms().isEmpty()
                && !telephony.digestAlgorithms().get(0).equalsIgnoreCase("MD5")) {
            log.warn("earpiece.softphone.janus-url is set but earpiece.telephony.digest-algorithms starts with {}: "
                    + "Janus's SIP stack answers only the first challenge and knows only MD5, so softphones will not "
                    + "register; put MD5 first", telephony.digestAlgorithms().get(0));
        }
    }

    @GetMapping("/config")
    public Mono<ResponseEntity<SoftphoneConfig>> config(Authentication auth, ServerWebExchange exchange) {
        if (!softphone.enabled() || !telephony.enabled()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no softphone: earpiece.softphone.janus-url is not set"));
        }
        if (!(auth.getPrincipal() instanceof Account account)) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "no console sign-in"));
        }
        return exchange.getSession().map(WebSession::getId)
                .flatMap(sessionId -> Mono.fromCallable(() -> build(account, sessionId))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(c -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(c));
    }

    private SoftphoneConfig build(Account account, String sessionId) {
        String username = account.username();
        UserEntity user = users.findByUsername(username).filter(UserEntity::isEnabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "user " + username + " has no account for a softphone"));
        String sipUser = user.getSipUser() == null || user.getSipUser().isBlank() ? user.getUsername()
                : user.getSipUser().trim();
        SipUserEntity sipAccount = sipUsers.findById(sipUser).filter(a -> a.getRealm().equals(telephony.realm()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "no SIP account " + sipUser + " in realm " + telephony.realm()
                                + ": an admin creates it under Admin → SIP users"));
        String proxy = softphone.sipProxy().isBlank()
                ? "sip:" + SipUris.hostPort(mediaHost, gateway.port()) : softphone.sipProxy().trim();
        String dialHost = SipUris.hostPortOf(proxy);
        String domain = softphone.sipDomain().isBlank() ? dialHost : softphone.sipDomain().trim();
        String secret;
        try {
            secret = credentials.issue(sessionId, user.getId(), account.sessionGeneration(), sipAccount.getUsername(),
                    telephony.realm());
        } catch (SessionSipCredentials.NoStoredSessionException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        return new SoftphoneConfig(softphone.janusUrl().trim(), softphone.iceServers(),
                "sip:" + sipUser + "@" + domain, proxy, sipUser, telephony.realm(), secret, dialHost);
    }
}
