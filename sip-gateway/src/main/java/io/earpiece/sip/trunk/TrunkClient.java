package io.earpiece.sip.trunk;

import io.earpiece.sip.ResponseHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.auth.DigestClient;
import io.earpiece.sip.tls.TlsRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Keeps Earpiece registered at a trunk: REGISTER with digest auth (401/407), refresh before the binding lapses,
 * exponential back-off while the registrar refuses or is silent, and an observable {@link TrunkStatus}.
 * Sends through the gateway's stack so that the registered Contact is the gateway's own port.
 */
public final class TrunkClient implements ResponseHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrunkClient.class);
    /** Refresh this long before expiry at least, so one lost REGISTER and its retransmissions still fit. */
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(5);
    /** How long the TLS probe after a timed-out REGISTER waits for the carrier's alert (it comes within a RTT). */
    private static final Duration TLS_PROBE_WAIT = Duration.ofSeconds(3);

    private final TrunkConfig config;
    private final SipContext sip;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration minRetry;
    private final Duration maxRetry;
    private final ChallengeAnswerer answerer;
    private final String callId;
    private final String fromTag;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<TrunkStatus>> listeners = new CopyOnWriteArrayList<>();

    private long cseq;
    private int failures;
    private int requestedExpires;
    private ChallengeAnswerer.Answerable lastChallenge;
    private boolean sentCredentials;
    private ScheduledFuture<?> next;
    private TrunkStatus status = new TrunkStatus(TrunkStatus.State.STOPPED, 0, "not started", null, null);
    private boolean stopped;
    private int registrations;

    /**
     * @param minRetry first back-off delay after a failure; doubles per failure up to {@code maxRetry}
     */
    public TrunkClient(TrunkConfig config, SipContext sip, ScheduledExecutorService scheduler, Clock clock,
                       Duration minRetry, Duration maxRetry) {
        this.config = config;
        this.sip = sip;
        this.scheduler = scheduler;
        this.clock = clock;
        this.minRetry = minRetry;
        this.maxRetry = maxRetry;
        this.answerer = new ChallengeAnswerer(new DigestClient(config.username(), config.password()), config.realm());
        this.callId = Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "@" + sip.host();
        this.fromTag = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    /** Back-off from 2 s to 5 min. */
    public TrunkClient(TrunkConfig config, SipContext sip, ScheduledExecutorService scheduler, Clock clock) {
        this(config, sip, scheduler, clock, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public TrunkConfig config() {
        return config;
    }

    /** The current registration status. */
    public synchronized TrunkStatus status() {
        return status;
    }

    /** Successful registrations (first and refreshes) since start. */
    public synchronized int registrations() {
        return registrations;
    }

    /** Tells {@code listener} of every status change, on the SIP or scheduler thread that caused it. */
    public void onStatus(Consumer<TrunkStatus> listener) {
        listeners.add(listener);
    }

    /** Starts registering now; a trunk with a zero interval is only marked registered (IP authentication). */
    public synchronized void start() {
        stopped = false;
        if (config.registerInterval().isZero()) {
            update(new TrunkStatus(TrunkStatus.State.REGISTERED, 0, "no registration needed", null, null));
            return;
        }
        requestedExpires = (int) config.registerInterval().toSeconds();
        update(new TrunkStatus(TrunkStatus.State.REGISTERING, 0, "registering", null, clock.instant()));
        schedule(Duration.ZERO);
    }

    /** Unregisters (Expires: 0) and stops refreshing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
        if (status.state() == TrunkStatus.State.REGISTERED && !config.registerInterval().isZero()) {
            try {
                send(0);
            } catch (Exception e) {
                log.debug("trunk {}: could not unregister: {}", config.id(), e.toString());
            }
        }
        update(new TrunkStatus(TrunkStatus.State.STOPPED, status.lastStatus(), "stopped", null, null));
    }

    private void schedule(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void attempt() {
        if (stopped) {
            return;
        }
        try {
            send(requestedExpires);
        } catch (Exception e) {
            fail(0, "cannot send REGISTER: " + reason(e));
        }
    }

    private void send(int expires) throws Exception {
        TrunkAddressing addressing = TrunkAddressing.of(config, sip);
        SipURI registrar = addressing.requestUri(null);
        SipURI aor = sip.addresses().createSipURI(config.username(), config.host());
        Address aorAddress = sip.addresses().createAddress(aor);
        ViaHeader via = addressing.via();
        CallIdHeader cid = sip.headers().createCallIdHeader(callId);
        CSeqHeader cs = sip.headers().createCSeqHeader(++cseq, Request.REGISTER);
        FromHeader from = sip.headers().createFromHeader(aorAddress, fromTag);
        ToHeader to = sip.headers().createToHeader(aorAddress, null);
        MaxForwardsHeader mf = sip.headers().createMaxForwardsHeader(70);
        Request r = sip.messages().createRequest(registrar, Request.REGISTER, cid, cs, from, to, List.of(via), mf);
        r.addHeader(addressing.contact(config.username()));
        r.addHeader(sip.headers().createExpiresHeader(expires));
        r.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgent())));
        sentCredentials = false;
        if (lastChallenge != null) {
            // Reusing the last nonce with a rising nonce-count saves a round trip; a stale answer re-challenges.
            r.addHeader(sip.headers().createHeader(lastChallenge.credentialsHeader(),
                    answerer.answer(lastChallenge.challenge(), Request.REGISTER, registrar.toString())));
            sentCredentials = true;
        }
        ClientTransaction ct = sip.provider().getNewClientTransaction(r);
        ct.setApplicationData(this);
        ct.sendRequest();
    }

    @Override
    public synchronized void response(ResponseEvent event) {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        CSeqHeader cs = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (code < 200 || stopped || cs.getSeqNumber() != cseq) {
            return;
        }
        if (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) {
            Optional<ChallengeAnswerer.Answerable> c = answerer.pick(response);
            if (c.isEmpty()) {
                fail(code, "no challenge we can answer");
                return;
            }
            boolean stale = c.get().challenge().stale();
            if (sentCredentials && !stale && lastChallenge != null
                    && !lastChallenge.challenge().nonce().equals(c.get().challenge().nonce())
                    && failures == 0 && status.state() == TrunkStatus.State.REGISTERED) {
                // A refresh with a nonce the registrar forgot: answer the new one once before calling it a failure.
                stale = true;
            }
            if (sentCredentials && !stale) {
                lastChallenge = null;
                fail(code, "credentials refused: " + response.getReasonPhrase());
                return;
            }
            lastChallenge = c.get();
            attempt();
            return;
        }
        if (code == Response.INTERVAL_TOO_BRIEF) {
            MinExpiresHeader min = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
            if (min != null && min.getExpires() > requestedExpires) {
                requestedExpires = min.getExpires();
                attempt();
                return;
            }
            fail(code, "423 without a usable Min-Expires");
            return;
        }
        if (code >= 300) {
            if (code == Response.FORBIDDEN) {
                lastChallenge = null;
            }
            fail(code, response.getReasonPhrase());
            return;
        }
        int granted = grantedExpires(response);
        Instant now = clock.instant();
        failures = 0;
        registrations++;
        Duration refresh = refreshDelay(granted);
        update(new TrunkStatus(TrunkStatus.State.REGISTERED, code, response.getReasonPhrase(),
                now.plusSeconds(granted), now.plus(refresh)));
        log.info("trunk {} registered at {}:{} for {} s", config.id(), config.host(), config.port(), granted);
        schedule(refresh);
    }

    /**
     * The innermost message of a failure: JAIN-SIP wraps a refused TLS handshake in exceptions of its own whose
     * messages say only that sending failed, while the certificate check's says which certificate and why.
     */
    static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS: " + t.getMessage();
            }
        }
        return message;
    }

    /** Refresh at the later of half the interval and the margin before expiry, but never after expiry. */
    static Duration refreshDelay(int grantedSeconds) {
        Duration granted = Duration.ofSeconds(grantedSeconds);
        Duration beforeExpiry = granted.minus(REFRESH_MARGIN);
        Duration half = granted.dividedBy(2);
        Duration d = beforeExpiry.compareTo(half) > 0 ? beforeExpiry : half;
        return d.isZero() || d.isNegative() ? Duration.ofMillis(500) : d;
    }

    /** The expiry the registrar granted our Contact: its expires parameter, else Expires, else what we asked. */
    private int grantedExpires(Response response) {
        String ours = sip.host() + ":" + sip.ports().port(config.transport());
        for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.getAddress().getURI() instanceof SipURI u && (u.getHost() + ":" + u.getPort()).equals(ours)
                    && c.getExpires() >= 0) {
                return c.getExpires();
            }
        }
        ExpiresHeader e = response.getExpires();
        return e != null ? e.getExpires() : requestedExpires;
    }

    @Override
    public synchronized void timeout(TimeoutEvent event) {
        if (stopped) {
            return;
        }
        String noResponse = "no response from " + config.host() + ":" + config.port();
        if (!config.transport().equals("tls")) {
            fail(0, noResponse);
            return;
        }
        // Over TLS 1.3 a carrier refusing our client certificate is only an alert the stack logged: ask it again,
        // off the SIP thread (the probe waits for the carrier).
        scheduler.execute(() -> {
            String why = tlsRefusal().map(r -> noResponse + ": " + r).orElse(noResponse);
            synchronized (this) {
                if (!stopped) {
                    fail(0, why);
                }
            }
        });
    }

    private Optional<String> tlsRefusal() {
        try {
            InetAddress address = InetAddress.getByName(config.host());
            SSLContext context = sip.tlsClients().contextFor(address, config.port());
            return context == null ? Optional.empty()
                    : TlsRefusal.probe(context, address, config.port(), TLS_PROBE_WAIT, config.tls().mutual());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private void fail(int code, String reason) {
        failures++;
        long factor = 1L << Math.min(failures - 1, 20);
        Duration delay = minRetry.multipliedBy(factor);
        if (delay.compareTo(maxRetry) > 0) {
            delay = maxRetry;
        }
        // Jitter spreads the retries of many trunks that failed together (a carrier outage).
        long jitter = delay.toMillis() / 10;
        if (jitter > 0) {
            delay = delay.plusMillis(random.nextLong(jitter));
        }
        log.warn("trunk {} registration failing ({} {}); retry in {}", config.id(), code, reason, delay);
        Instant registeredUntil = status.registeredUntil();
        update(new TrunkStatus(TrunkStatus.State.FAILING, code, reason, registeredUntil, clock.instant().plus(delay)));
        schedule(delay);
    }

    private void update(TrunkStatus s) {
        status = s;
        for (Consumer<TrunkStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                log.warn("trunk status listener failed", e);
            }
        }
    }
}
