package io.earpiece.console.telephony;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.softphone.SessionCredentialStore;
import io.earpiece.db.telephony.CallDetailRepository;
import io.earpiece.db.telephony.DidRouteRepository;
import io.earpiece.db.telephony.SipBindingRepository;
import io.earpiece.db.telephony.SipUserRepository;
import io.earpiece.db.telephony.SoftphoneCredentialRepository;
import io.earpiece.db.telephony.TrunkRepository;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.NonceManager;
import io.earpiece.sip.register.DigestGate;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.register.RegistrarConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Puts Earpiece in the call path: the registrar for reps' devices, the active trunk and the B2BUA, on the
 * started SIP gateway, all backed by the database; media is anchored through the {@link CallCoordinator}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "earpiece.telephony", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TelephonyCoreConfiguration {

    @Bean
    InviteScope inviteScope() {
        return new InviteScope();
    }

    @Bean
    TrunkPasswords trunkPasswords(@Value("${earpiece.secret-key:}") String secretKey) {
        return new TrunkPasswords(secretKey);
    }

    @Bean
    JpaCredentialStore sipCredentialStore(SipUserRepository users) {
        return new JpaCredentialStore(users);
    }

    @Bean(destroyMethod = "close")
    CallDetailRecorder callDetailRecorder(CallDetailRepository details, InviteScope scope) {
        return new CallDetailRecorder(details, scope);
    }

    @Bean
    DigestGate repDigestGate(SipGateway gateway, JpaCredentialStore credentials,
                             SoftphoneCredentialRepository softphones, TelephonyProperties p) {
        NonceManager nonces = new NonceManager(Clock.systemUTC(), p.nonceLifetime());
        // reps' devices answer with their account's secret, browser softphones with their session's
        SessionCredentialStore secrets = new SessionCredentialStore(credentials, softphones, Clock.systemUTC());
        return new DigestGate(new DigestAuthenticator(p.realm(), secrets, nonces, p.algorithms()),
                gateway.context());
    }

    @Bean
    Registrar registrar(SipGateway gateway, DigestGate repDigestGate, SipBindingRepository bindings,
                        TelephonyProperties p) {
        TelephonyProperties.Registrar r = p.registrar();
        return new Registrar(new RegistrarConfig(p.realm(), r.minExpires(), r.maxExpires(), r.defaultExpires(),
                r.maxDevices(), r.flowTimer()), repDigestGate, new JpaBindingStore(bindings), gateway.context(), Clock.systemUTC());
    }

    /**
     * Added to the gateway here: the gateway bean is started (its init method) before it is injected. The gateway's
     * flood limit (TelephonyConfiguration) spares the active trunk, whose busy hour is not a flood.
     */
    @Bean
    TelephonyRequestHandler telephonyRequestHandler(SipGateway gateway, Registrar registrar, InviteScope scope) {
        TelephonyRequestHandler front = new TelephonyRequestHandler(registrar, scope);
        gateway.addHandler(front);
        gateway.exemptFromFloodLimit(front::fromActiveTrunk);
        return front;
    }

    @Bean(destroyMethod = "close")
    TrunkRuntime trunkRuntime(SipGateway gateway, DigestGate repDigestGate, Registrar registrar,
                              DidRouteRepository routes, CallCoordinator coordinator,
                              @Qualifier("mediaHost") String mediaHost, InviteScope scope,
                              CallDetailRecorder recorder, TelephonyRequestHandler front, TrunkRepository trunks,
                              TrunkPasswords passwords, TelephonyProperties p,
                              io.earpiece.db.telephony.SipUserRepository users, SessionTimerProperties sessionTimers,
                              io.earpiece.console.config.EarpieceProperties earpiece) {
        TrunkRuntime.Parts parts = new TrunkRuntime.Parts(gateway.context(), repDigestGate, registrar,
                new DatabaseDidRouter(routes), new CoordinatorMediaRelay(coordinator, mediaHost, scope, front::hangup), recorder,
                front, users, sessionTimers.config());
        return new TrunkRuntime(parts, trunks, passwords, p, earpiece.sip().tls().trunkTrustedCa(), Clock.systemUTC());
    }
}
