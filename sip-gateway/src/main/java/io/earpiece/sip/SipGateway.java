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
    private final SipCounters counters = new SipCounters();
    private final Refusals refusals = new Refusals(counters, Clock.systemUTC());
    private final String stackName = "earpiece-sip-" + UUID.randomUUID();
    /** Unguessable, so a peer cannot forge the marker the parser puts on requests to reject. */
    private final String rejectHeader = "X-Earpiece-Reject-" + UUID.randomUUID().toString().replace("-", "");

    private SipStackImpl stack;
    private SipProvider provider;
    private UasListener listener;
    private SipDispatcher dispatcher;
    private SipContext context;
    private ExecutorService answering;
    private int boundPort;
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
        this.config = config;
        this.controller = controller;
        this.ackTimeout = ackTimeout;
        this.floodGuard = floodGuard;
        this.botAccess = java.util.Objects.requireNonNull(botAccess, "botAccess");
    }

    /** Binds the UDP port and starts answering; throws {@link IllegalStateException} if the stack cannot start. */
    public synchronized void start() {
        if (stack != null || closed) {
            throw new IllegalStateException("SIP gateway already started or closed");
        }
        try {
            stack = new EarpieceSipStack(stackProperties());
            stack.setMessageParserFactory(new GuardedMessageParserFactory(counters, rejectHeader));
            CountingNetworkLayer network = (CountingNetworkLayer) stack.getNetworkLayer();
            network.attach(counters);
            boundPort = network.prebind(InetAddress.getByName(config.host()), config.port());
            ListeningPoint point = stack.createListeningPoint(config.host(), boundPort, config.transport());
            provider = stack.createSipProvider(point);
            answering = Executors.newFixedThreadPool(ANSWER_THREADS, answerThreads());
            MessageFactoryImpl messages = new MessageFactoryImpl();
            HeaderFactoryImpl headers = new HeaderFactoryImpl();
            AddressFactoryImpl addresses = new AddressFactoryImpl();
            context = new SipContext(provider, messages, headers, addresses, config.advertisedHost(), boundPort,
                    config.userAgent());
            listener = UasListener.create(provider, messages, headers, addresses, config.advertisedHost(), boundPort,
                    config.userAgent(), config.maxCalls(), controller, answering, rejectHeader,
                    new BotLegGate(botAccess, context, refusals), refusals);
            dispatcher = new SipDispatcher(listener, floodGuard, context, refusals);
            provider.addSipListener(dispatcher);
            stack.start();
            log.info("SIP gateway listening on {}:{}/{} (advertising {}); bot legs from {}{}", config.host(),
                    boundPort, config.transport(), config.advertisedHost(), botAccess.trustedSources(),
                    botAccess.digest() == null ? "" : " or with digest credentials");
        } catch (Exception e) {
            shutdown();
            throw new IllegalStateException("cannot start SIP gateway on " + config.host() + ":" + config.port(), e);
        }
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
        // The dialog timer ticks every T1; the factor is how many ticks a 200 OK waits for its ACK.
        long factor = Math.max(2, ackTimeout.toMillis() / T1_MS);
        p.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR", Long.toString(factor));
        return p;
    }

    private java.util.concurrent.ThreadFactory answerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sip-answer-" + boundPort + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The bound UDP port; the real one when the configuration asked for port 0. */
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
        UasListener l = currentListener();
        if (l != null) {
            l.hangup(legId);
        }
    }

    /** Legs between their INVITE and their end. */
    public int activeLegs() {
        UasListener l = currentListener();
        return l == null ? 0 : l.activeLegs();
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
        shutdown();
    }

    private void shutdown() {
        if (answering != null) {
            answering.shutdown();
        }
        if (stack != null) {
            if (stack.getNetworkLayer() instanceof CountingNetworkLayer network) {
                network.releasePrebound();
            }
            stack.stop();
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
