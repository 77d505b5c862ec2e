package io.earpiece.console.config;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.telephony.EarpieceUserDirectory;
import io.earpiece.console.telephony.SiprecProperties;
import io.earpiece.console.telephony.TelephonyProperties;
import io.earpiece.sip.siprec.RepSide;
import io.earpiece.sip.siprec.SiprecConfig;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaServer;
import io.earpiece.sip.sdp.SrtpPolicy;
import io.earpiece.sip.FloodGuard;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.SipGatewayConfig;
import io.earpiece.sip.SipTransports;
import io.earpiece.sip.tls.TlsFiles;
import io.earpiece.console.tls.HttpsProperties;
import io.earpiece.sip.access.AddressRanges;
import io.earpiece.sip.access.BotAccess;
import io.earpiece.sip.auth.DigestAuthenticator;
import io.earpiece.sip.auth.InMemoryCredentialStore;
import io.earpiece.sip.auth.NonceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the SIP gateway and the RTP media server from {@link EarpieceProperties}. */
@Configuration(proxyBeanMethods = false)
public class TelephonyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyConfiguration.class);

    @Bean(destroyMethod = "close")
    MediaServer mediaServer(EarpieceProperties p) {
        EarpieceProperties.Rtp rtp = p.rtp();
        return new MediaServer(new MediaConfig(rtp.host(), rtp.portMin(), rtp.portMax(), rtp.mediaTimeout(),
                rtp.jitterDelay()));
    }

    /** The address peers are told to send RTP and SIP to. */
    @Bean
    String mediaHost(EarpieceProperties p) {
        if (!p.sip().publicHost().isBlank()) {
            return p.sip().publicHost();
        }
        if (!isWildcard(p.rtp().host())) {
            return p.rtp().host();
        }
        String guessed = firstSiteAddress();
        log.info("earpiece.sip.public-host not set: advertising {} in SDP and Contact", guessed);
        return guessed;
    }

    /**
     * The gateway with its one per-source flood limit (new INVITEs and REGISTERs, bot legs included; settings under
     * {@code earpiece.telephony.flood}, which apply with telephony disabled too) and its door for bot legs.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    SipGateway sipGateway(EarpieceProperties p, TelephonyProperties telephony, CallCoordinator coordinator,
                          String mediaHost, BotAccess botAccess, SiprecProperties siprec,
                          EarpieceUserDirectory earpieceUsers, HttpsProperties https,
                          io.earpiece.console.telephony.SessionTimerProperties sessionTimers) {
        EarpieceProperties.Sip sip = p.sip();
        FloodGuard flood = new FloodGuard(Clock.systemUTC(), telephony.flood().ratePerSecond(),
                telephony.flood().burst());
        SipGateway gateway = new SipGateway(new SipGatewayConfig(sip.host(), sip.port(), "udp", sip.maxCalls(),
                mediaHost, "Earpiece/0.1", streams(sip, https)), coordinator, SipGateway.DEFAULT_ACK_TIMEOUT, flood,
                botAccess, new SiprecConfig(repSide(siprec), earpieceUsers));
        gateway.sessionTimers(sessionTimers.config());
        return gateway;
    }

    private static RepSide repSide(SiprecProperties siprec) {
        try {
            return RepSide.parse(siprec.repSide());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** TCP and TLS listeners from {@code earpiece.sip.tcp/tls}; TLS falls back to the HTTPS files when it names none. */
    static SipTransports streams(EarpieceProperties.Sip sip, HttpsProperties https) {
        EarpieceProperties.SipTls t = sip.tls();
        if (!t.enabled()) {
            return new SipTransports(sip.tcp().enabled(), -1, null, SipTransports.ClientAuth.NONE, Duration.ZERO);
        }
        boolean own = t.certificate() != null || t.privateKey() != null || t.keystore() != null;
        try {
            TlsFiles files = own
                    ? new TlsFiles(t.certificate(), t.privateKey(), t.privateKeyPassword(), t.keystore(),
                            t.keystorePassword(), t.trustedCa(), t.pinnedCertificates())
                    : new TlsFiles(https.certificate(), https.privateKey(), https.privateKeyPassword(),
                            https.keystore(), https.keystorePassword(), t.trustedCa(), t.pinnedCertificates());
            return new SipTransports(sip.tcp().enabled(), t.port(), files, t.clientAuth(), t.reloadInterval());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earpiece.sip.tls: " + e.getMessage()
                    + (own ? "" : " (neither earpiece.sip.tls nor earpiece.tls names certificate files)"), e);
        }
    }

    /**
     * Who may place bot legs ({@code earpiece.sip.bot.*}); digest uses the telephony realm, algorithms and nonce
     * lifetime, so a dialer authenticates as reps' phones do.
     */
    @Bean
    BotAccess botAccess(EarpieceProperties p, TelephonyProperties telephony) {
        EarpieceProperties.Bot bot = p.sip().bot();
        AddressRanges trusted;
        try {
            trusted = AddressRanges.parse(bot.trustedSources());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earpiece.sip.bot.trusted-sources: " + e.getMessage(), e);
        }
        if (bot.maxCallsPerSource() < 0) {
            throw new IllegalArgumentException("earpiece.sip.bot.max-calls-per-source must be 0 (no quota) or positive");
        }
        DigestAuthenticator digest = null;
        if (!bot.username().isBlank()) {
            if (bot.password().isBlank()) {
                throw new IllegalArgumentException("earpiece.sip.bot.username is set without earpiece.sip.bot.password");
            }
            digest = new DigestAuthenticator(telephony.realm(),
                    new InMemoryCredentialStore().put(bot.username(), telephony.realm(), bot.password()),
                    new NonceManager(Clock.systemUTC(), telephony.nonceLifetime()), telephony.algorithms());
        }
        SrtpPolicy srtp;
        try {
            srtp = SrtpPolicy.parse(bot.srtp());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earpiece.sip.bot.srtp: " + e.getMessage(), e);
        }
        return new BotAccess(trusted, digest, bot.maxCallsPerSource(), srtp);
    }

    /** Runs leg endings, which wait for the last transcription of the leg, off the SIP and media threads. */
    @Bean(destroyMethod = "")
    ExecutorService callLifecycleExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "call-lifecycle-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Stores and announces segments in order, off the media threads (recognizers may deliver on the thread
     * that feeds them audio, and storing is blocking JPA).
     */
    @Bean(destroyMethod = "")
    ExecutorService segmentWriterExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "segment-writer");
            t.setDaemon(true);
            return t;
        });
    }

    private static boolean isWildcard(String host) {
        return host.isBlank() || host.equals("0.0.0.0") || host.equals("::");
    }

    private static String firstSiteAddress() {
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            log.warn("cannot list network interfaces", e);
        }
        return "127.0.0.1";
    }
}
