package io.earpiece.console.telephony;

import io.earpiece.db.telephony.TrunkEntity;
import io.earpiece.db.telephony.TrunkRepository;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.b2bua.B2bua;
import io.earpiece.sip.b2bua.B2buaConfig;
import io.earpiece.sip.b2bua.CallDetailListener;
import io.earpiece.sip.b2bua.DidRouter;
import io.earpiece.sip.b2bua.MediaRelay;
import io.earpiece.sip.register.DigestGate;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.trunk.OutboundRouting;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkConfig;
import io.earpiece.sip.trunk.TrunkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs the trunk stored in the database: keeps Earpiece registered to it and routes calls through it with a
 * B2BUA. One trunk is active at a time, the first enabled one; {@link #reload()} after the table changes.
 */
public final class TrunkRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrunkRuntime.class);

    /** What the B2BUA built for each trunk is made of. */
    public record Parts(SipContext sip, DigestGate gate, Registrar registrar, DidRouter router, MediaRelay media,
                        CallDetailListener details, TelephonyRequestHandler front,
                        io.earpiece.db.telephony.SipUserRepository users,
                        io.earpiece.sip.timer.SessionTimerConfig sessionTimers) {
    }

    private final Parts parts;
    private final TrunkRepository trunks;
    private final TrunkPasswords passwords;
    private final TelephonyProperties properties;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final java.nio.file.Path defaultCa;
    private TrunkClient client;
    private boolean closed;

    /** @param defaultCa CA file for TLS trunks that name neither a pin nor a CA (earpiece.sip.tls.trunk-trusted-ca) */
    public TrunkRuntime(Parts parts, TrunkRepository trunks, TrunkPasswords passwords, TelephonyProperties properties,
                        java.nio.file.Path defaultCa, Clock clock) {
        this.parts = parts;
        this.defaultCa = defaultCa;
        this.trunks = trunks;
        this.passwords = passwords;
        this.properties = properties;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trunk-registration");
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        reload();
    }

    /** Applies the trunk table: starts, replaces or stops the active trunk as it now says. */
    public synchronized void reload() {
        if (closed) {
            return;
        }
        TrunkConfig next = null;
        Optional<TrunkEntity> first = trunks.findByEnabledTrueOrderByCreatedAtAscIdAsc().stream().findFirst();
        if (first.isPresent()) {
            try {
                next = config(first.get());
            } catch (RuntimeException e) {
                log.error("trunk {} cannot be started: {}", first.get().getId(), e.getMessage());
            }
        }
        if (client != null && client.config().equals(next)) {
            return;
        }
        if (client != null) {
            log.info("trunk {} stopped", client.config().id());
            client.close();
            client = null;
        }
        if (next == null) {
            parts.front().install(null, null);
            return;
        }
        TrunkClient c = new TrunkClient(next, parts.sip(), scheduler, clock, properties.trunk().minRetry(),
                properties.trunk().maxRetry());
        B2bua b2bua = new B2bua(new B2buaConfig(properties.botUser(),
                new StoredSrtpPolicies(trunks, parts.users(), next.id()), parts.sessionTimers(),
                properties.ring().config()), parts.sip(), parts.gate(), parts.registrar(), c, this::outboundTrunks,
                parts.router(), parts.media(), parts.details(), scheduler, clock);
        parts.front().install(b2bua, next);
        client = c;
        c.start();
        log.info("trunk {} active: {}", next.id(), next);
    }

    /** The trunk calls go out through now, if one is configured and enabled. */
    public synchronized Optional<TrunkConfig> activeTrunk() {
        return client == null ? Optional.empty() : Optional.of(client.config());
    }

    /**
     * The enabled trunks that take {@code number}, in the order to try them ({@link OutboundRouting}: priority, the
     * longer matching prefix, then the oldest), for every call Earpiece places: only the active one registers, the
     * others are used with digest on demand (or IP authentication). A trunk whose stored settings cannot be used is
     * left out and logged.
     */
    public synchronized List<TrunkConfig> outboundTrunks(String number) {
        List<OutboundRouting.RoutedTrunk> routed = new java.util.ArrayList<>();
        for (TrunkEntity e : trunks.findByEnabledTrueOrderByCreatedAtAscIdAsc()) {
            try {
                routed.add(new OutboundRouting.RoutedTrunk(config(e), split(e.getRoutePatterns()),
                        e.getRoutePriority()));
            } catch (RuntimeException ex) {
                log.warn("trunk {} left out of outbound routing: {}", e.getId(), ex.getMessage());
            }
        }
        return OutboundRouting.route(routed, number);
    }

    /** Whether the SIP gateway listens on (and so can send over) {@code transport}. */
    public boolean offers(String transport) {
        return parts.sip().ports().offers(transport);
    }

    /** The registration status of the trunk, when it is the active one. */
    public synchronized Optional<TrunkStatus> status(String trunkId) {
        return client != null && client.config().id().equals(trunkId) ? Optional.of(client.status())
                : Optional.empty();
    }

    private TrunkConfig config(TrunkEntity e) {
        String password = e.getPasswordSealed() == null ? "" : passwords.open(e.getPasswordSealed());
        return new TrunkConfig(e.getId(), e.getHost(), e.getPort(), e.getTransport(), e.getUsername(), password,
                e.getRealm(), e.getCallerId(), split(e.getCodecs()), split(e.getAllowedSources()),
                Duration.ofSeconds(e.getRegisterIntervalS()), tls(e).withDefaultCa(defaultCa));
    }

    static io.earpiece.sip.trunk.TrunkTls tls(TrunkEntity e) {
        return new io.earpiece.sip.trunk.TrunkTls(e.getTlsServerPin(), path(e.getTlsTrustedCa()),
                path(e.getTlsClientCertificate()), path(e.getTlsClientKey()));
    }

    private static java.nio.file.Path path(String p) {
        return p == null || p.isBlank() ? null : java.nio.file.Path.of(p);
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Hangs up the relayed calls (both legs get BYE while the SIP stack still runs), then unregisters. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            parts.front().hangupAll();
        } catch (RuntimeException e) {
            log.warn("could not hang up relayed calls at shutdown", e);
        }
        if (client != null) {
            client.close();
            client = null;
        }
        scheduler.shutdownNow();
    }
}
