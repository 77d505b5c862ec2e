package io.earpiece.sip;

import gov.nist.javax.sip.SipStackImpl;
import io.earpiece.sip.stack.EarpieceSipStack;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.earpiece.sip.access.BotAccess;
import io.earpiece.sip.access.BotLegGate;
import io.earpiece.sip.access.Refusals;
import io.earpiece.sip.call.CallController;
import io.earpiece.sip.stack.CountingNetworkLayer;
import io.earpiece.sip.stack.GuardedMessageParserFactory;
import io.earpiece.sip.stack.Slf4jServerLogger;
import io.earpiece.sip.stack.Slf4jStackLogger;
import io.earpiece.sip.server.ServerTransactions;
import io.earpiece.sip.siprec.SiprecConfig;
import io.earpiece.sip.siprec.SiprecServer;
import io.earpiece.sip.uas.Responder;
import io.earpiece.sip.tls.ClientTrust;
import io.earpiece.sip.tls.ServerIdentity;
import io.earpiece.sip.tls.SwappableKeyManager;
import io.earpiece.sip.tls.TlsContexts;
import io.earpiece.sip.tls.TlsFileWatcher;
import io.earpiece.sip.tls.TlsFiles;
import io.earpiece.sip.uas.ContactPorts;
import io.earpiece.sip.uas.UasListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;

/**
 * A SIP user-agent server on JAIN-SIP that answers calls for Earpiece: it negotiates G.711 audio, asks a
 * {@link CallController} for media, and reports each leg's life to it. Each instance owns its own stack,
 * so several can run in one JVM.
 */
public final class SipGateway implements AutoCloseable {
    /** RFC 3261's 64*T1: how long a 200 OK is retransmitted waiting for its ACK. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(32);
    private static final Logger log = LoggerFactory.getLogger(SipGateway.class);
    private static final long T1_MS = 500;
    private static final int ANSWER_THREADS = 4;

    private final SipGatewayConfig config;
    private final CallController controller;
    private final Duration ackTimeout;
    private final FloodGuard floodGuard;
    private final BotAccess botAccess;
    private final SiprecConfig siprecConfig;
    private final SipCounters counters = new SipCounters();
    /** RFC 5626 flows of devices registered over TCP/TLS; outlives a restart of the stack like the counters. */
    private final io.earpiece.sip.flow.Flows flows = new io.earpiece.sip.flow.Flows();
    private final Refusals refusals = new Refusals(counters, Clock.systemUTC());
    private final String stackName = "earpiece-sip-" + UUID.randomUUID();
    /** Unguessable, so a peer cannot forge the marker the parser puts on requests to reject. */
    private final String rejectHeader = "X-Earpiece-Reject-" + UUID.randomUUID().toString().replace("-", "");

    private SipStackImpl stack;
    private SipProvider provider;
    private UasListener listener;
    private SiprecServer siprec;
    private SipDispatcher dispatcher;
    private SipContext context;
    private ExecutorService answering;
    private int boundPort;
    private int tlsPort = -1;
    private TlsFileWatcher tlsReload;
    private boolean closed;

    public SipGateway(SipGatewayConfig config, CallController controller) {
        this(config, controller, DEFAULT_ACK_TIMEOUT);
    }

    /** @param ackTimeout how long to wait for the ACK of a 200 OK before ending the leg as FAILED */
    public SipGateway(SipGatewayConfig config, CallController controller, Duration ackTimeout) {
        this(config, controller, ackTimeout, null);
    }

    /**
     * @param floodGuard per-source limit on new INVITEs and REGISTERs (refused with 503 and Retry-After),
     *                   or null for none
     */
    public SipGateway(SipGatewayConfig config, CallController controller, Duration ackTimeout,
                      FloodGuard floodGuard) {
        this(config, controller, ackTimeout, floodGuard, BotAccess.loopbackOnly());
    }

    /**
     * @param floodGuard per-source limit on new INVITEs and REGISTERs, or null for none
     * @param botAccess  who may place bot legs, and how many each source may hold
     */
    public SipGateway(SipGatewayConfig config, CallController controller, Duration ackTimeout,
                      FloodGuard floodGuard, BotAccess botAccess) {
        this(config, controller, ackTimeout, floodGuard, botAccess, SiprecConfig.defaults());
    }

    /**
     * @param siprec how SIPREC recording sessions tell the rep from the customer
     */
    public SipGateway(SipGatewayConfig config, CallController controller, Duration ackTimeout,
                      FloodGuard floodGuard, BotAccess botAccess, SiprecConfig siprec) {
        this.siprecConfig = java.util.Objects.requireNonNull(siprec, "siprec");
        this.config = config;
        this.controller = controller;
        this.ackTimeout = ackTimeout;
        this.floodGuard = floodGuard;
        this.botAccess = java.util.Objects.requireNonNull(botAccess, "botAccess");
    }

    private io.earpiece.sip.timer.SessionTimerConfig sessionTimers;
    private java.util.concurrent.ScheduledExecutorService sessionTimerThread;

    /**
     * Agrees RFC 4028 session timers with the bot legs' callers that ask for them and hangs up legs not refreshed
     * in time; call before {@link #start()} (off until then).
     */
    public synchronized void sessionTimers(io.earpiece.sip.timer.SessionTimerConfig config) {
        if (stack != null) {
            throw new IllegalStateException("session timers are set before start");
        }
        this.sessionTimers = config;
    }

    /** Binds the UDP port and starts answering; throws {@link IllegalStateException} if the stack cannot start. */
    public synchronized void start() {
        if (stack != null || closed) {
            throw new IllegalStateException("SIP gateway already started or closed");
        }
        try {
            stack = new EarpieceSipStack(stackProperties(), flows);
            stack.setMessageParserFactory(new GuardedMessageParserFactory(counters, rejectHeader));
            CountingNetworkLayer network = (CountingNetworkLayer) stack.getNetworkLayer();
            network.attach(counters);
            InetAddress bind = InetAddress.getByName(config.host());
            boundPort = network.prebind(bind, config.port());
            ListeningPoint point = stack.createListeningPoint(config.host(), boundPort, config.transport());
            provider = stack.createSipProvider(point);
            SipTransports streams = config.streams();
            if (streams.tcp()) {
                int tcp = network.prebindTcp(bind, boundPort);
                provider.addListeningPoint(stack.createListeningPoint(config.host(), tcp, ListeningPoint.TCP));
            }
            if (streams.tls()) {
                startTls(network, bind, streams);
            }
            answering = Executors.newFixedThreadPool(ANSWER_THREADS, answerThreads());
            MessageFactoryImpl messages = new MessageFactoryImpl();
            HeaderFactoryImpl headers = new HeaderFactoryImpl();
            AddressFactoryImpl addresses = new AddressFactoryImpl();
            context = new SipContext(provider, messages, headers, addresses, config.advertisedHost(), boundPort,
                    config.userAgent(), new ContactPorts(boundPort, streams.tcp(), tlsPort), network.tlsClients(),
                    flows);
            listener = UasListener.create(provider, messages, headers, addresses, config.advertisedHost(),
                    new ContactPorts(boundPort, streams.tcp(), tlsPort), config.userAgent(), config.maxCalls(),
                    controller, answering, rejectHeader,
                    new BotLegGate(botAccess, context, refusals), refusals);
            if (sessionTimers != null && sessionTimers.enabled()) {
                sessionTimerThread = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, stackName + "-session-timers");
                    t.setDaemon(true);
                    return t;
                });
                listener.sessionTimers(sessionTimers, sessionTimerThread);
            }
            dispatcher = new SipDispatcher(listener, floodGuard, context, refusals, counters);
            // Recording sessions come first: they are recognised by their body, which no other handler takes.
            BotLegGate gate = new BotLegGate(botAccess, context, refusals);
            siprec = new SiprecServer(provider, new Responder(provider, messages, headers, addresses,
                    config.advertisedHost(), new ContactPorts(boundPort, streams.tcp(), tlsPort), config.userAgent()),
                    new ServerTransactions(provider, messages, headers, config.userAgent()), controller, answering,
                    gate, siprecConfig,
                    config.advertisedHost(), rejectHeader, config.maxCalls());
            dispatcher.add(siprec);
            provider.addSipListener(dispatcher);
            stack.start();
            log.info("SIP gateway listening on {}:{}/{}{}{} (advertising {}); bot legs from {}{}", config.host(),
                    boundPort, config.transport(), streams.tcp() ? ", tcp" : "",
                    tlsPort > 0 ? ", tls on " + tlsPort + " (client certificates: "
                            + streams.clientAuth().name().toLowerCase(java.util.Locale.ROOT) + ")" : "",
                    config.advertisedHost(), botAccess.trustedSources(),
                    botAccess.digest() == null ? "" : " or with digest credentials");
        } catch (io.earpiece.sip.tls.TlsMaterialException e) {
            shutdown();
            throw e;
        } catch (Exception e) {
            shutdown();
            throw new IllegalStateException("cannot start SIP gateway on " + config.host() + ":" + config.port(), e);
        }
    }

    /**
     * Reads and checks the certificate (a bad file stops the start, naming it), binds the TLS port and watches the
     * files: a renewed certificate reaches new connections through the swappable key manager.
     */
    private void startTls(CountingNetworkLayer network, InetAddress bind, SipTransports streams) throws Exception {
        TlsFiles files = streams.tlsFiles();
        ServerIdentity identity = ServerIdentity.load(files);
        SwappableKeyManager keys = new SwappableKeyManager(identity);
        ClientTrust trust = files.hasClientTrust()
                ? ClientTrust.load(files.trustedCa(), files.pinnedCertificates()).onRefused(counters::tlsClientRefused)
                : null;
        network.attachTls(TlsContexts.create(keys, trust), TlsContexts.create(keys, null), streams.clientAuth());
        tlsPort = network.prebindTls(bind, streams.tlsPort());
        provider.addListeningPoint(stack.createListeningPoint(config.host(), tlsPort, ListeningPoint.TLS));
        tlsReload = TlsFileWatcher.start(files, streams.reloadInterval(), "sip", keys::swap);
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", CountingNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        // The stock processors, telling the flows when a TCP or TLS connection ends (RFC 5626 flows die with it).
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                io.earpiece.sip.stack.FlowWatchingProcessors.class.getName());
        SipTransports streams = config.streams();
        if (streams.tls()) {
            // JAIN-SIP's own defaults are TLS 1.0-era suites; it applies these to the listening socket itself.
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TlsContexts.PROTOCOLS));
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", TlsContexts.cipherSuites(
                    defaultContext())));
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", switch (streams.clientAuth()) {
                case NEED -> "Enabled";
                case WANT -> "Want";
                case NONE -> "Disabled";
            });
        }
        // The dialog timer ticks every T1; the factor is how many ticks a 200 OK waits for its ACK.
        long factor = Math.max(2, ackTimeout.toMillis() / T1_MS);
        p.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", Long.toString(factor));
        return p;
    }

    private static javax.net.ssl.SSLContext defaultContext() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.concurrent.ThreadFactory answerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sip-answer-" + boundPort + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The bound TLS port, or -1 without TLS. */
    public synchronized int tlsPort() {
        if (stack == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        return tlsPort;
    }

    /** The bound UDP port (TCP's too); the real one when the configuration asked for port 0. */
    public synchronized int port() {
        if (stack == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        return boundPort;
    }

    /** The stack, factories and address features use to send SIP through this gateway; valid once started. */
    public synchronized SipContext context() {
        if (context == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        return context;
    }

    /**
     * Lets a feature (registrar, trunk, B2BUA) see requests before the bot's user-agent server; handlers are
     * asked in the order added. Add them after {@link #start()}.
     */
    public synchronized void addHandler(RequestHandler handler) {
        if (dispatcher == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        dispatcher.add(handler);
    }

    /**
     * Sources the flood limit does not apply to (the active trunk's addresses: a carrier's busy hour is not a
     * flood). Called again, it replaces the previous test.
     */
    public synchronized void exemptFromFloodLimit(Predicate<String> source) {
        if (dispatcher == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        dispatcher.exempt(source);
    }

    /** Ends a leg from our side (BYE once answered). Unknown legs are ignored. */
    public void hangup(String legId) {
        SiprecServer s = currentSiprec();
        if (s != null && s.owns(legId)) {
            s.hangup(legId);
            return;
        }
        UasListener l = currentListener();
        if (l != null) {
            l.hangup(legId);
        }
    }

    /**
     * Drains this node: from now on new calls (INVITEs outside a dialog, SIPREC included) and OPTIONS probes are
     * answered 503, so a proxy's dispatcher stops choosing this node; calls in progress go on until they end.
     */
    public void drain() {
        SipDispatcher d;
        synchronized (this) {
            d = dispatcher;
        }
        if (d == null) {
            throw new IllegalStateException("SIP gateway not started");
        }
        d.drain();
    }

    /** Whether {@link #drain} was called. */
    public synchronized boolean draining() {
        return dispatcher != null && dispatcher.draining();
    }

    /** Legs between their INVITE and their end. */
    public int activeLegs() {
        UasListener l = currentListener();
        SiprecServer s = currentSiprec();
        return (l == null ? 0 : l.activeLegs()) + (s == null ? 0 : s.activeSessions());
    }

    private synchronized SiprecServer currentSiprec() {
        return siprec;
    }

    /** Traffic counters since start. */
    public SipCounters counters() {
        return counters;
    }

    private synchronized UasListener currentListener() {
        return listener;
    }

    /** Hangs up every leg and stops the stack. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (listener != null) {
            listener.hangupAll();
        }
        if (siprec != null) {
            siprec.hangupAll();
        }
        shutdown();
    }

    private void shutdown() {
        if (tlsReload != null) {
            tlsReload.close();
        }
        if (answering != null) {
            answering.shutdown();
        }
        if (sessionTimerThread != null) {
            sessionTimerThread.shutdownNow();
        }
        if (stack != null) {
            if (stack.getNetworkLayer() instanceof CountingNetworkLayer network) {
                network.releasePrebound();
                network.releasePreboundStreams();
            }
            try {
                stack.stop();
            } catch (RuntimeException e) {
                // A stack whose start failed half-way has listening points whose threads never ran; stopping them
                // throws (a null channel list in UDPMessageProcessor). That must not hide why the start failed.
                log.debug("SIP stack stop after a partial start: {}", e.toString());
            }
        }
        if (answering != null) {
            try {
                answering.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
