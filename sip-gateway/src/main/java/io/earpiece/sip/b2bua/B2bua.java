package io.earpiece.sip.b2bua;

import gov.nist.javax.sip.RequestEventExt;
import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.ResponseHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.server.ServerTransactions;
import io.earpiece.sip.register.Binding;
import io.earpiece.sip.register.DigestGate;
import io.earpiece.sip.register.Registrar;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.sdp.SrtpPolicy;
import io.earpiece.sip.outbound.LegAddressing;
import io.earpiece.sip.outbound.OutgoingCall;
import io.earpiece.sip.stack.Transports;
import io.earpiece.sip.outbound.OutgoingCallListener;
import io.earpiece.sip.timer.SessionTimerParseException;
import io.earpiece.sip.timer.UasSessionTimers;
import io.earpiece.sip.trunk.ChallengeAnswerer;
import io.earpiece.sip.trunk.OutboundRouting;
import io.earpiece.sip.trunk.TrunkRouter;
import io.earpiece.sip.trunk.TrunkClient;
import io.earpiece.sip.trunk.TrunkAddressing;
import io.earpiece.sip.trunk.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The back-to-back user agent that puts Earpiece in the call path: a rep's INVITE (digest-authenticated) goes
 * out through the trunk, and a trunk INVITE to a DID rings every device the rep has registered at once (the first
 * answer wins, the others are cancelled; busy or no answer goes to the rep's fallback). Each call has two
 * dialogs with their own SDP, media anchored on a {@link MediaRelay}; provisional responses (early media),
 * CANCEL, BYE and re-INVITEs (hold) pass between them, and the call's detail goes to a {@link CallDetailListener}.
 */
public final class B2bua implements RequestHandler, ResponseHandler {
    private static final Logger log = LoggerFactory.getLogger(B2bua.class);
    /** RFC 3261's 64*T1: how long a client transaction may still need its route after the leg is over. */
    static final Duration FLOW_PIN_GRACE = Duration.ofSeconds(32);

    private final B2buaConfig config;
    private final SipContext sip;
    private final ServerTransactions transactions;
    private final DigestGate repAuth;
    private final Registrar registrar;
    private final TrunkClient trunk;
    private final TrunkRouter routes;
    private final DidRouter router;
    private final MediaRelay media;
    private final CallDetailListener listener;
    private final ScheduledExecutorService scheduler;
    /** RFC 4028 on leg A, where we answer: the caller's interval, the caller refreshing, as on bot legs. */
    private final UasSessionTimers callerTimers;
    private final Clock clock;
    private final SdpAnchor sdp = new SdpAnchor();
    private final CodecNegotiator codecs = new CodecNegotiator();
    private final SecureRandom random = new SecureRandom();
    private final SdesNegotiator sdes = new SdesNegotiator(random);
    /** Calls by the Call-ID of either leg. */
    private final Map<String, RelayedCall> calls = new ConcurrentHashMap<>();

    /** Reps' calls go out through {@code trunk} alone. */
    public B2bua(B2buaConfig config, SipContext sip, DigestGate repAuth, Registrar registrar, TrunkClient trunk,
                 DidRouter router, MediaRelay media, CallDetailListener listener, ScheduledExecutorService scheduler,
                 Clock clock) {
        this(config, sip, repAuth, registrar, trunk, number -> List.of(trunk.config()), router, media, listener,
                scheduler, clock);
    }

    /**
     * @param trunk     the active trunk: it registers, and inbound calls from its addresses are the carrier's
     * @param routes    the trunks a rep's call to a number goes out through, tried in order while they fail as
     *                  servers ({@link OutboundRouting#failsOver})
     * @param scheduler runs the session timers of both legs and the ringing's no-answer time
     */
    public B2bua(B2buaConfig config, SipContext sip, DigestGate repAuth, Registrar registrar, TrunkClient trunk,
                 TrunkRouter routes, DidRouter router, MediaRelay media, CallDetailListener listener,
                 ScheduledExecutorService scheduler, Clock clock) {
        this.config = config;
        this.sip = sip;
        this.transactions = new ServerTransactions(sip.provider(), sip.messages(), sip.headers(), sip.userAgent());
        this.repAuth = repAuth;
        this.registrar = registrar;
        this.trunk = trunk;
        this.routes = routes;
        this.router = router;
        this.media = media;
        this.listener = listener;
        this.scheduler = scheduler;
        this.callerTimers = new UasSessionTimers(config.timers(), scheduler);
        this.clock = clock;
    }

    /**
     * Leg B {@code legCallId} is done with: its requests no longer reach {@code call}. A leg pinned to a device's flow
     * stays pinned for {@link #FLOW_PIN_GRACE} more, for what is still owed on it (a CANCEL sent at the first
     * provisional, the ACK and BYE of a 2xx that raced the CANCEL): sent anywhere else, they would not reach a
     * device behind NAT.
     */
    private void forget(String legCallId, RelayedCall call) {
        calls.remove(legCallId, call);
        if (sip.flows().pinned(legCallId).isPresent()) {
            try {
                scheduler.schedule(() -> sip.flows().unpin(legCallId), FLOW_PIN_GRACE.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                sip.flows().unpin(legCallId); // shutting down
            }
        }
    }

    /** Calls in progress. */
    public int activeCalls() {
        return (int) calls.values().stream().distinct().count();
    }

    @Override
    public boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        RelayedCall call = calls.get(callId);
        String method = request.getMethod();
        boolean initial = Request.INVITE.equals(method)
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
        if (call == null && !initial) {
            return false;
        }
        try {
            if (initial) {
                if (call != null) {
                    return true;
                }
                return newInvite(event);
            }
            synchronized (call) {
                switch (method) {
                    case Request.ACK -> { }
                    case Request.BYE -> bye(event, call);
                    case Request.CANCEL -> cancel(event, call);
                    case Request.INVITE -> reInvite(event, call);
                    case Request.UPDATE -> {
                        if (config.timers().enabled()) {
                            update(event, call);
                        } else {
                            reply(transactions.of(event), request, Response.NOT_IMPLEMENTED, null, null);
                        }
                    }
                    default -> reply(transactions.of(event), request, Response.NOT_IMPLEMENTED, null, null);
                }
            }
        } catch (Exception e) {
            log.warn("B2BUA failed on {} of {}", method, callId, e);
        }
        return true;
    }

    private boolean newInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String source = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
        String user = requestUser(request);
        boolean fromTrunk = source != null && trunk.config().allows(source);
        if (!fromTrunk && (config.botUser().equals(user) || request.getHeader("X-Earpiece-Party") != null)) {
            return false;
        }
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return true;
        }
        if (fromTrunk) {
            inbound(tx, request, user);
        } else {
            outbound(tx, request, user);
        }
        return true;
    }

    private void outbound(ServerTransaction tx, Request request, String dialed) throws Exception {
        String rep = repAuth.authenticate(tx, request, true);
        if (rep == null) {
            return;
        }
        if (dialed == null || dialed.isEmpty()) {
            reply(tx, request, Response.NOT_FOUND, "No number dialled", null);
            return;
        }
        List<TrunkConfig> route = routes.route(dialed);
        if (route.isEmpty()) {
            reply(tx, request, Response.NOT_FOUND, "No trunk routes this number", null);
            return;
        }
        start(tx, request, CallDetail.Direction.OUTBOUND, rep, dialed, List.of(throughTrunk(route.get(0), dialed)),
                false, route);
    }

    /**
     * Where leg B can ring: the Request-URI, how it is reached ({@code addressing}: the trunk's transport, or the
     * device's, see {@link DeviceAddressing}), the trunk's credentials (null for a device), From and To, the leg's
     * SRTP policy, our Contact's user, and the rep whose device it is (null for a number or URI).
     */
    private record Target(URI uri, LegAddressing addressing, ChallengeAnswerer auth, String trunkId, SipURI from,
                          SipURI to, SrtpPolicy srtp, String contactUser, String rep) {
    }

    private Target throughTrunk(TrunkConfig t, String number) throws Exception {
        TrunkAddressing toTrunk = TrunkAddressing.of(t, sip);
        String callerId = t.callerId() != null ? t.callerId() : t.username();
        return new Target(toTrunk.requestUri(number), toTrunk,
                new ChallengeAnswerer(new io.earpiece.sip.auth.DigestClient(t.username(), t.password()), t.realm()),
                t.id(), sip.addresses().createSipURI(callerId, t.host()), sip.addresses().createSipURI(number, t.host()),
                config.srtp().trunk(), t.username(), null);
    }

    /** Every device {@code rep} has registered now, to ring at once; empty when none is. */
    private List<Target> devices(String rep, String caller) throws Exception {
        List<Target> out = new ArrayList<>();
        for (Binding b : registrar.bindings(rep)) {
            if (b.flow() != null && !sip.flows().isOpen(b.flow())) {
                // Reachable only over that connection, which is not held here (a restart since, or another node's).
                log.info("{}'s device {} is not rung: its flow {} is not held by this gateway", rep, b.contact(),
                        b.flow().source());
                continue;
            }
            DeviceAddressing device;
            try {
                device = DeviceAddressing.of(sip.addresses().createURI(b.contact()), b.registeredOver(), b.flow(),
                        sip);
            } catch (RuntimeException e) {
                log.warn("{}'s device {} cannot be rung: {}", rep, b.contact(), e.getMessage());
                continue;
            }
            out.add(new Target(device.requestUri(), device, null, null, callerUri(caller),
                    sip.addresses().createSipURI(rep, sip.host()), config.srtp().user(rep), "earpiece", rep));
        }
        return out;
    }

    /** Where {@code fallback} rings: the other rep's devices, the URI, or the number through the trunk. */
    private List<Target> fallbackTargets(RingFallback fallback, String caller) throws Exception {
        if (fallback instanceof RingFallback.Rep r) {
            return devices(r.user(), caller);
        }
        if (fallback instanceof RingFallback.Uri u) {
            URI uri = sip.addresses().createURI(u.uri());
            DeviceAddressing device = DeviceAddressing.of(uri, null, sip);
            return List.of(new Target(device.requestUri(), device, null, null, callerUri(caller), (SipURI) uri,
                    config.srtp().trunk(), "earpiece", null));
        }
        String number = ((RingFallback.Number) fallback).number();
        List<TrunkConfig> route = routes.route(number);
        return route.isEmpty() ? List.of() : List.of(throughTrunk(route.get(0), number));
    }

    private SipURI callerUri(String caller) throws Exception {
        return sip.addresses().createSipURI(caller == null ? "anonymous" : caller, sip.host());
    }

    private void inbound(ServerTransaction tx, Request request, String requestUser) throws Exception {
        // Carriers put the dialled number in the Request-URI, or keep the registered user there and the DID in To.
        Optional<String> rep = requestUser == null ? Optional.empty() : router.repFor(requestUser);
        if (rep.isEmpty() && ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI() instanceof SipURI to
                && to.getUser() != null) {
            rep = router.repFor(to.getUser());
        }
        if (rep.isEmpty()) {
            reply(tx, request, Response.NOT_FOUND, "No rep for this number", null);
            return;
        }
        String caller = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI() instanceof SipURI s
                ? s.getUser() : null;
        List<Target> devices = devices(rep.get(), caller);
        boolean fallback = false;
        if (devices.isEmpty()) {
            // No device to ring: straight to the rep's fallback, if there is one.
            Optional<RingFallback> f = config.ring().fallbackFor(rep.get());
            if (f.isPresent()) {
                devices = fallbackTargets(f.get(), caller);
                fallback = true;
                log.info("{} has no device registered, the call goes to {}", rep.get(), f.get());
            }
        }
        if (devices.isEmpty()) {
            reply(tx, request, Response.TEMPORARILY_UNAVAILABLE, "Rep not registered", null);
            return;
        }
        start(tx, request, CallDetail.Direction.INBOUND, rep.get(), caller, devices, fallback, List.of());
    }

    /**
     * @param targets      where leg B rings, all at once: the number through the trunk (the rep called out, the rep
     *                     on leg A), or the rep's devices (or their fallback)
     * @param fallbackUsed the targets are already the rep's fallback, so it is not tried again
     * @param trunkRoute   for a call out through a trunk, every trunk of its route (the first is in
     *                     {@code targets}); the next is tried while one fails as a server
     */
    private void start(ServerTransaction tx, Request request, CallDetail.Direction direction, String rep,
                       String remote, List<Target> targets, boolean fallbackUsed, List<TrunkConfig> trunkRoute)
            throws Exception {
        boolean repIsA = direction == CallDetail.Direction.OUTBOUND;
        int sessionA;
        try {
            sessionA = callerTimers.agree(request);
        } catch (UasSessionTimers.TooSmall e) {
            intervalTooSmall(tx, request, e.minSe);
            return;
        } catch (SessionTimerParseException e) {
            reply(tx, request, Response.BAD_REQUEST, "Bad Session-Expires: " + e.getMessage(), null);
            return;
        }
        SdpAnchor.Audio offer;
        try {
            offer = sdp.read(body(request));
        } catch (SdpParseException e) {
            reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Bad or missing SDP: " + e.getMessage(), null);
            return;
        }
        // The rep's leg follows the SIP user's policy, the carrier's leg the trunk's; each is negotiated alone.
        SrtpLeg srtpA = new SrtpLeg(repIsA ? config.srtp().user(rep) : config.srtp().trunk(), sdes);
        try {
            srtpA.offered(offer.media());
            srtpA.commit();
        } catch (SdpNotAcceptableException e) {
            log.info("refusing a call from {}: {}", rep, e.getMessage());
            reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here: " + e.getMessage(), null);
            return;
        }
        String id = UUID.randomUUID().toString();
        MediaRelay.Relay relay;
        try {
            relay = media.open(id, repIsA);
        } catch (Exception e) {
            log.warn("no media relay for a call from {}", rep, e);
            reply(tx, request, Response.SERVICE_UNAVAILABLE, "Media unavailable", null);
            return;
        }
        try {
            relay.srtp(true, srtpA.keys());
        } catch (RuntimeException e) {
            relay.close();
            log.warn("media relay cannot take leg A's SRTP keys", e);
            reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "SRTP unavailable", null);
            return;
        }
        relay.remoteA(offer.remote());
        String aCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        RelayedCall call = new RelayedCall(id, direction, rep, remote, aCallId, tx, ServerTransactions.newTag(),
                relay, random.nextInt(Integer.MAX_VALUE), clock.instant());
        call.srtpA = srtpA;
        carried(call, true);
        call.sessionA = sessionA;
        call.offerSdp = offer.sdp();
        call.fallbackTried = fallbackUsed;
        call.trunkRoute = trunkRoute;
        synchronized (call) {
            calls.put(aCallId, call);
            reply(tx, request, Response.TRYING, null, null);
            log.info("call {} {}: {} -> {} on {} target(s) (leg A {})", call.id, direction, remote, rep,
                    targets.size(), aCallId);
            safely(() -> listener.started(call.detail(null, CallDetail.Disposition.IN_PROGRESS, null, trunkId(call))));
            ring(call, targets);
            if (call.ringing.isEmpty()) {
                ringingOver(call);
            }
        }
    }

    /**
     * Rings every target at once, each on its own dialog (leg B goes to the trunk over the trunk's transport, or to
     * a device over the transport it registered with); the first to answer becomes leg B. Inbound calls stop ringing after the no-answer time.
     * A target whose INVITE cannot be sent is left out (logged); the caller checks that one rings.
     */
    private void ring(RelayedCall call, List<Target> targets) {
        call.noAnswerFired = false;
        call.ringFailure = 0;
        ++call.versionB;
        for (Target t : targets) {
            Branch b = null;
            try {
                CallIdHeader callId = sip.provider().getNewCallId();
                b = new Branch(callId.getCallId(), new SrtpLeg(t.srtp(), sdes), t.uri().toString(), t.rep(),
                        t.addressing().transport());
                calls.put(b.callId, call);
                call.branchCallIds.add(b.callId);
                if (t.addressing().flow() != null) {
                    // Every request of this leg goes over the device's own connection (RFC 5626), until forget().
                    sip.flows().pin(b.callId, t.addressing().flow());
                }
                b.leg = new OutgoingCall(sip, call, t.auth(),
                        config.timers().enabled() ? config.timers() : null, scheduler, clock, t.contactUser(),
                        t.addressing(), new LegB(call, b));
                Request invite = b.leg.newInvite(t.uri(), t.from(), ServerTransactions.newTag(), t.to(), callId);
                b.offer = sdp.anchor(call.offerSdp, call.relay.legB(), call.sessionId, call.versionB, b.srtp.offer());
                call.ringing.add(b);
                b.leg.start(invite, b.offer);
                if (t.trunkId() != null) {
                    call.trunkId = t.trunkId();
                }
                log.info("call {}: ringing {} (leg {})", call.id, t.uri(), b.callId);
            } catch (Exception e) {
                log.warn("call {}: cannot ring {}", call.id, t.uri(), e);
                if (b != null) {
                    call.ringing.remove(b);
                    forget(b.callId, call);
                }
            }
        }
        Duration noAnswer = config.ring().noAnswer();
        if (call.direction == CallDetail.Direction.INBOUND && !noAnswer.isZero() && !call.ringing.isEmpty()) {
            int round = ++call.ringRound;
            call.noAnswer = scheduler.schedule(() -> {
                synchronized (call) {
                    if (call.ringRound == round && !call.ringing.isEmpty() && !call.cancelPending
                            && (call.state == RelayedCall.State.CALLING || call.state == RelayedCall.State.EARLY)) {
                        log.info("call {}: no answer within {}, cancelling {} device(s)", call.id, noAnswer,
                                call.ringing.size());
                        call.noAnswerFired = true;
                        List.copyOf(call.ringing).forEach(b -> b.leg.cancel());
                    }
                }
            }, noAnswer.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops every device still ringing (the caller cancelled, we hung up): their 487s end the call. */
    private static void cancelRinging(RelayedCall call) {
        List.copyOf(call.ringing).forEach(b -> b.leg.cancel());
    }

    /** Statuses that mean the rep did not take the call (busy, declined, not answering): the fallback's cases. */
    private static boolean repDidNotTake(RelayedCall call) {
        return call.noAnswerFired || switch (call.ringFailure) {
            case 408, 480, 486, 600, 603 -> true;
            default -> false;
        };
    }

    /**
     * Every device of this round has failed: ring the fallback if the rep did not take the call and one is set,
     * else tell the caller (480 after the no-answer time, otherwise the devices' worst answer, busy first).
     */
    private void ringingOver(RelayedCall call) {
        if (call.noAnswer != null) {
            call.noAnswer.cancel(false);
            call.noAnswer = null;
        }
        if (!call.cancelPending && OutboundRouting.failsOver(call.ringFailure)
                && call.routeIndex + 1 < call.trunkRoute.size()) {
            TrunkConfig next = call.trunkRoute.get(++call.routeIndex);
            log.info("call {}: trunk {} failed with {}, trying trunk {}", call.id, call.trunkId, call.ringFailure,
                    next.id());
            try {
                ring(call, List.of(throughTrunk(next, call.remote)));
            } catch (Exception e) {
                log.warn("call {}: cannot route through trunk {}", call.id, next.id(), e);
            }
            if (!call.ringing.isEmpty()) {
                return;
            }
        }
        if (!call.cancelPending && !call.fallbackTried && call.direction == CallDetail.Direction.INBOUND
                && (repDidNotTake(call) || call.ringFailure == 0)) {
            Optional<RingFallback> fallback = config.ring().fallbackFor(call.rep);
            if (fallback.isPresent()) {
                call.fallbackTried = true;
                try {
                    List<Target> targets = fallbackTargets(fallback.get(), call.remote);
                    log.info("call {}: {} did not take it ({}), ringing the fallback {}", call.id, call.rep,
                            call.noAnswerFired ? "no answer" : call.ringFailure, fallback.get());
                    ring(call, targets);
                } catch (Exception e) {
                    log.warn("call {}: cannot ring the fallback {}", call.id, fallback.get(), e);
                }
                if (!call.ringing.isEmpty()) {
                    return;
                }
            }
        }
        int status = call.noAnswerFired ? Response.TEMPORARILY_UNAVAILABLE
                : call.ringFailure == 0 ? Response.TEMPORARILY_UNAVAILABLE : call.ringFailure;
        call.finalStatus = status;
        if (!call.cancelPending) {
            reply(call.aInvite, call.aInvite.getRequest(), ResponseMapper.toCaller(status), null, call.aTag);
        }
        end(call, call.cancelPending ? CallDetail.Disposition.CANCELLED : ResponseMapper.disposition(status), null);
    }

    /** Of two failures of the devices rung, the one the caller hears: busy over declined over the rest. */
    private static int worse(int current, int next) {
        if (current == 0 || current == Response.REQUEST_TERMINATED) {
            return next;
        }
        return rank(next) > rank(current) ? next : current;
    }

    private static int rank(int status) {
        return switch (status) {
            case 486, 600 -> 3;
            case 603 -> 2;
            case 487 -> 0;
            default -> 1;
        };
    }

    @Override
    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        RelayedCall call = calls.get(callId);
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (call == null) {
            if (response.getStatusCode() / 100 == 2 && Request.INVITE.equals(cseq.getMethod())
                    && event.getDialog() != null) {
                // A 2xx after the call ended (CANCEL lost the race): acknowledge, then hang up.
                ackAndBye(event.getDialog(), cseq.getSeqNumber());
            }
            return;
        }
        if (!Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        try {
            synchronized (call) {
                reInviteResponse(event, call, callId.equals(call.aCallId));
            }
        } catch (Exception e) {
            log.warn("call {}: failed on {} response", call.id, response.getStatusCode(), e);
        }
    }

    /**
     * One rung device's outcome, relayed to leg A; its calls come with the call's monitor held. The first device
     * to answer becomes leg B and the others are cancelled; the call fails only when every device has.
     */
    private final class LegB implements OutgoingCallListener {
        private final RelayedCall call;
        private final Branch branch;

        LegB(RelayedCall call, Branch branch) {
            this.call = call;
            this.branch = branch;
        }

        @Override
        public void provisional(Response response) {
            if (!call.ringing.contains(branch)) {
                return;
            }
            try {
                // Early media has one source: with several devices ringing, the caller hears ringing, not SDP.
                forwardToA(call, branch, response, response.getStatusCode(), call.ringing.size() == 1);
            } catch (Exception e) {
                log.warn("call {}: could not relay {}", call.id, response.getStatusCode(), e);
            }
            call.state = RelayedCall.State.EARLY;
        }

        @Override
        public void answered(Response response) {
            call.ringing.remove(branch);
            for (Branch other : call.ringing) {
                log.info("call {}: {} answered first, cancelling {}", call.id, branch.target, other.target);
                other.leg.cancel();
                forget(other.callId, call);
            }
            call.ringing.clear();
            if (call.noAnswer != null) {
                call.noAnswer.cancel(false);
                call.noAnswer = null;
            }
            call.legB = branch.leg;
            call.bCallId = branch.callId;
            call.srtpB = branch.srtp;
            call.transportB = branch.transport;
            call.sdpToB = branch.offer;
            if (branch.rep != null) {
                call.rep = branch.rep;
            }
            call.bDialog = call.legB.dialog();
            boolean relayed;
            try {
                relayed = forwardToA(call, branch, response, Response.OK, true);
            } catch (Exception e) {
                log.warn("call {}: could not relay the answer", call.id, e);
                relayed = false;
            }
            if (!relayed) {
                // Leg B answered without the SRTP its policy requires: nothing secure can be relayed.
                call.legB.bye();
                call.finalStatus = Response.NOT_ACCEPTABLE_HERE;
                reply(call.aInvite, call.aInvite.getRequest(), Response.NOT_ACCEPTABLE_HERE, "SRTP not agreed",
                        call.aTag);
                end(call, ResponseMapper.disposition(Response.NOT_ACCEPTABLE_HERE), null);
                return;
            }
            call.finalStatus = response.getStatusCode();
            call.aDialog = call.aInvite.getDialog();
            call.state = RelayedCall.State.ANSWERED;
            call.answered = clock.instant();
            log.info("call {} answered", call.id);
            watchA(call);
            safely(() -> listener.answered(call.detail(null, CallDetail.Disposition.IN_PROGRESS, null, trunkId(call))));
        }

        @Override
        public void expired(String why) {
            // leg B's peer is gone (its BYE went out with this news): the caller's leg goes too
            sendBye(call.aDialog);
            end(call, CallDetail.Disposition.ANSWERED, CallDetail.Side.SYSTEM);
        }

        @Override
        public String refreshOffer() {
            return call.sdpToB;
        }

        @Override
        public void failed(int status, String reason, Response response) {
            boolean wasRinging = call.ringing.remove(branch);
            forget(branch.callId, call);
            if (!wasRinging || call.state == RelayedCall.State.ANSWERED || call.state == RelayedCall.State.ENDED) {
                return; // a device that lost the race
            }
            // no final answer at all counts as 408
            call.ringFailure = worse(call.ringFailure, response == null ? Response.REQUEST_TIMEOUT : status);
            log.info("call {}: {} gave {} ({} still ringing)", call.id, branch.target,
                    response == null ? "no answer" : status, call.ringing.size());
            if (call.ringing.isEmpty()) {
                ringingOver(call);
            }
        }
    }

    /**
     * Relays a provisional or the 2xx of leg B to leg A, with SDP pointed at the relay's A side and leg A's own
     * SRTP answer. Returns false, sending nothing, when B's SDP does not meet B's SRTP policy: a provisional then
     * goes on without its SDP, a 2xx is the caller's to refuse.
     */
    private boolean forwardToA(RelayedCall call, Branch from, Response fromB, int code, boolean withSdp)
            throws Exception {
        Response r = sip.messages().createResponse(code, call.aInvite.getRequest());
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(call.aTag);
        r.addHeader(contactA(call, call.aInvite.getRequest()));
        if (code >= 200) {
            callerTimerHeaders(call, r);
        }
        byte[] body = withSdp ? body(fromB) : null;
        if (body != null) {
            SdpAnchor.Audio answer = sdp.read(body);
            try {
                SdesSession keys = from.srtp.answered(answer.media());
                call.relay.srtp(false, keys);
                carried(call, from);
            } catch (SdpNotAcceptableException e) {
                log.info("call {}: leg B's answer refused: {}", call.id, e.getMessage());
                if (code >= 200) {
                    return false;
                }
                call.aInvite.sendResponse(r);
                return true;
            }
            call.relay.remoteB(answer.remote());
            r.setContent(sdp.anchor(agreed(call, true, call.offerSdp, answer.sdp()), call.relay.legA(),
                    call.sessionId, ++call.versionA, call.srtpA.answer()), sdpType());
        }
        call.aInvite.sendResponse(r);
        return true;
    }

    private void reInvite(RequestEvent event, RelayedCall call) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Request request = event.getRequest();
        boolean fromA = call.aCallId.equals(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        Dialog other = fromA ? call.bDialog : call.aDialog;
        if (call.state != RelayedCall.State.ANSWERED || other == null || call.pendingReinvite != null) {
            reply(tx, request, Response.REQUEST_PENDING, null, null);
            return;
        }
        if (fromA) {
            Integer seconds = agreeCallerRefresh(tx, request);
            if (seconds == null) {
                return;
            }
            call.pendingSessionA = seconds;
        } else if (!call.legB.acceptRefresh(tx, request)) {
            return;
        }
        Request forward = other.createRequest(Request.INVITE);
        byte[] body = body(request);
        call.pendingOfferHeld = call.held(fromA);
        call.pendingOffer = null;
        if (body != null) {
            SdpAnchor.Audio offer = sdp.read(body);
            SessionDescription onward;
            try {
                onward = keeping(call, !fromA, offer.sdp());
            } catch (SdpNotAcceptableException e) {
                // The relay could not carry it: refused, so the call keeps the codec it has.
                reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here: " + e.getMessage(), null);
                return;
            }
            SrtpLeg offering = fromA ? call.srtpA : call.srtpB;
            SrtpLeg answering = fromA ? call.srtpB : call.srtpA;
            try {
                offering.offered(offer.media());
            } catch (SdpNotAcceptableException e) {
                // A refused re-INVITE leaves the session as it was (RFC 3261 14.2).
                reply(tx, request, Response.NOT_ACCEPTABLE_HERE, "Not Acceptable Here: " + e.getMessage(), null);
                return;
            }
            call.pendingOfferHeld = !offer.wantsMedia();
            call.pendingOffer = offer.sdp();
            if (fromA) {
                call.relay.remoteA(offer.remote());
                forward.setContent(toB(call, sdp.anchor(onward, call.relay.legB(), call.sessionId,
                        ++call.versionB, answering.offer())), sdpType());
            } else {
                call.relay.remoteB(offer.remote());
                forward.setContent(sdp.anchor(onward, call.relay.legA(), call.sessionId, ++call.versionA,
                        answering.offer()), sdpType());
            }
        }
        call.pendingReinvite = tx;
        call.pendingFromA = fromA;
        ClientTransaction ct = sip.provider().getNewClientTransaction(forward);
        ct.setApplicationData(this);
        other.sendRequest(ct);
    }

    private void reInviteResponse(ResponseEvent event, RelayedCall call, boolean fromA) throws Exception {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (code < 200) {
            return;
        }
        if (code < 300 && event.getDialog() != null) {
            event.getDialog().sendAck(event.getDialog().createAck(cseq));
        }
        ServerTransaction pending = call.pendingReinvite;
        if (pending == null || call.pendingFromA == fromA) {
            return;
        }
        call.pendingReinvite = null;
        Response r = sip.messages().createResponse(code < 300 ? Response.OK : code, pending.getRequest());
        byte[] body = body(response);
        if (code < 300) {
            r.addHeader(call.pendingFromA ? contactA(call, pending.getRequest()) : call.legB.contact());
            // a re-INVITE is a session refresh on the leg it came from (RFC 4028 9)
            if (call.pendingFromA) {
                call.sessionA = call.pendingSessionA;
                callerTimerHeaders(call, r);
                watchA(call);
            } else {
                call.legB.refreshAnswered(r);
            }
        }
        if (code < 300 && body != null) {
            SdpAnchor.Audio answer = sdp.read(body);
            SrtpLeg offering = call.pendingFromA ? call.srtpA : call.srtpB;
            SrtpLeg answering = call.pendingFromA ? call.srtpB : call.srtpA;
            try {
                SdesSession answered = answering.answered(answer.media());
                call.relay.srtp(!call.pendingFromA, answered);
            } catch (SdpNotAcceptableException e) {
                // The other peer took the re-INVITE without the SRTP its policy requires: the offerer is refused.
                log.warn("call {}: re-INVITE answer refused: {}", call.id, e.getMessage());
                pending.sendResponse(sip.messages().createResponse(Response.NOT_ACCEPTABLE_HERE,
                        pending.getRequest()));
                return;
            }
            call.relay.srtp(call.pendingFromA, offering.commit());
            // a re-INVITE may have turned SRTP on or off on either leg (optional policy)
            carried(call, true);
            carried(call, false);
            InetSocketAddress local;
            // The codecs change only now, once agreed: a refused re-INVITE leaves them as they were.
            SessionDescription back = call.pendingOffer == null ? answer.sdp()
                    : agreed(call, call.pendingFromA, call.pendingOffer, answer.sdp());
            if (call.pendingFromA) {
                call.relay.remoteB(answer.remote());
                local = call.relay.legA();
                r.setContent(sdp.anchor(back, local, call.sessionId, ++call.versionA, offering.answer()),
                        sdpType());
            } else {
                call.relay.remoteA(answer.remote());
                local = call.relay.legB();
                r.setContent(toB(call, sdp.anchor(back, local, call.sessionId, ++call.versionB,
                        offering.answer())), sdpType());
            }
            // Hold takes effect once agreed: a refused re-INVITE leaves media as it was.
            holdChanged(call, call.pendingFromA, call.pendingOfferHeld, true);
            holdChanged(call, !call.pendingFromA, !answer.wantsMedia(), false);
        }
        pending.sendResponse(r);
    }

    /**
     * A re-INVITE offer as it goes on to the answering leg ({@code toLegA}): with that leg's telephone-event payload
     * type and its current codec added, so it may keep them (the relay transcodes). Refused when the relay could
     * carry none of the offer's codecs.
     */
    private SessionDescription keeping(RelayedCall call, boolean toLegA, SessionDescription offer)
            throws SdpNotAcceptableException {
        int offerEvents = codecs.negotiate(offer).telephoneEventPt();
        RelayPlan.LegFormat now = call.format(toLegA);
        return now == null ? offer : AudioFormats.keeping(offer, offerEvents, now);
    }

    /**
     * An offer from leg A ({@code offererIsA}) or leg B and the other peer's answer are agreed: the relay learns
     * what each leg carries, and the offerer gets the answer in its own terms. An answer the relay cannot plan for
     * (no G.711 on a side) passes on as it is and the legs keep their formats.
     */
    private SessionDescription agreed(RelayedCall call, boolean offererIsA, SessionDescription offer,
                                      SessionDescription answer) {
        RelayPlan plan;
        try {
            plan = RelayPlan.agree(codecs, offer, answer);
        } catch (SdpNotAcceptableException e) {
            log.warn("call {}: media formats kept, the answer cannot be planned: {}", call.id, e.getMessage());
            return answer;
        }
        if (offererIsA) {
            call.formatA = plan.offerer();
            call.formatB = plan.answerer();
        } else {
            call.formatB = plan.offerer();
            call.formatA = plan.answerer();
        }
        call.relay.format(true, call.formatA);
        call.relay.format(false, call.formatB);
        if (plan.transcodes()) {
            log.info("call {}: leg A carries {}, leg B {}; the relay transcodes", call.id,
                    call.formatA.codec().name(), call.formatB.codec().name());
        }
        return AudioFormats.answering(answer, plan);
    }

    /**
     * An UPDATE without a body is a session refresh (RFC 4028 9), answered here on either leg; one with a body
     * would change media, which only re-INVITEs relay.
     */
    private void update(RequestEvent event, RelayedCall call) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Request request = event.getRequest();
        if (body(request) != null) {
            reply(tx, request, Response.NOT_IMPLEMENTED, "UPDATE with a body is not relayed", null);
            return;
        }
        if (call.state != RelayedCall.State.ANSWERED) {
            reply(tx, request, Response.REQUEST_PENDING, null, null);
            return;
        }
        boolean fromA = call.aCallId.equals(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        if (!fromA) {
            call.legB.answerRefresh(tx, request, null);
            return;
        }
        Integer seconds = agreeCallerRefresh(tx, request);
        if (seconds == null) {
            return;
        }
        call.sessionA = seconds;
        Response ok = sip.messages().createResponse(Response.OK, request);
        ok.addHeader(contactA(call, request));
        callerTimerHeaders(call, ok);
        tx.sendResponse(ok);
        watchA(call);
    }

    /** Leg A's interval for a refresh (0: none), or null when it was refused (422 or 400, sent). */
    private Integer agreeCallerRefresh(ServerTransaction tx, Request request) {
        try {
            return callerTimers.agree(request);
        } catch (UasSessionTimers.TooSmall e) {
            intervalTooSmall(tx, request, e.minSe);
            return null;
        } catch (SessionTimerParseException e) {
            reply(tx, request, Response.BAD_REQUEST, "Bad Session-Expires: " + e.getMessage(), null);
            return null;
        }
    }

    private void intervalTooSmall(ServerTransaction tx, Request request, int minSe) {
        try {
            Response r = sip.messages().createResponse(OutgoingCall.SESSION_INTERVAL_TOO_SMALL, request);
            r.setReasonPhrase("Session Interval Too Small");
            r.setHeader(sip.headers().createHeader("Min-SE", String.valueOf(minSe)));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.warn("could not send 422 to {}", request.getMethod(), e);
        }
    }

    /** Leg A's 2xx says the agreed interval, the caller refreshing (RFC 4028 9), as bot legs do. */
    private void callerTimerHeaders(RelayedCall call, Response ok) throws Exception {
        if (call.sessionA > 0) {
            ok.addHeader(sip.headers().createHeader("Require", "timer"));
            ok.setHeader(sip.headers().createHeader("Session-Expires", call.sessionA + ";refresher=uac"));
        }
    }

    /** (Re-)arms leg A's expiry: a caller that stops refreshing is gone, and the call with it (both legs). */
    private void watchA(RelayedCall call) {
        if (call.watchA != null) {
            call.watchA.cancel(false);
            call.watchA = null;
        }
        if (call.sessionA <= 0 || call.state != RelayedCall.State.ANSWERED) {
            return;
        }
        int seconds = call.sessionA;
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = callerTimers.watch(seconds, () -> {
            synchronized (call) {
                if (call.state == RelayedCall.State.ANSWERED && call.watchA == self[0]) {
                    log.warn("call {}: no session refresh from the caller within {} s, hanging up both legs",
                            call.id, seconds);
                    sendBye(call.aDialog);
                    call.legB.bye();
                    end(call, CallDetail.Disposition.ANSWERED, CallDetail.Side.SYSTEM);
                }
            }
        });
        call.watchA = self[0];
    }

    /** Tells the relay how leg B's device, once it answers with media, is reached (it may not have won yet). */
    private static void carried(RelayedCall call, Branch b) {
        try {
            call.relay.carried(false, b.transport, b.srtp.keys() != null);
        } catch (RuntimeException e) {
            log.warn("call {}: could not record how leg B is carried", call.id, e);
        }
    }

    /** Tells the relay how a leg's peer is reached now: its SIP transport and whether its media is SRTP. */
    private static void carried(RelayedCall call, boolean legA) {
        try {
            call.relay.carried(legA, legA ? Transports.of(call.aInvite.getRequest()) : call.transportB,
                    (legA ? call.srtpA : call.srtpB).keys() != null);
        } catch (RuntimeException e) {
            log.warn("call {}: could not record how leg {} is carried", call.id, legA ? "A" : "B", e);
        }
    }

    /** Keeps what leg B was last offered or answered: a refreshing re-INVITE repeats it. */
    private static String toB(RelayedCall call, String sdp) {
        call.sdpToB = sdp;
        return sdp;
    }

    private void holdChanged(RelayedCall call, boolean legA, boolean held, boolean requested) {
        if (call.held(legA) == held) {
            return;
        }
        call.held(legA, held);
        log.info("call {}: leg {} {}", call.id, legA ? "A" : "B", held ? "on hold" : "off hold");
        try {
            call.relay.hold(legA, held, requested);
        } catch (RuntimeException e) {
            log.warn("call {}: relay hold update failed", call.id, e);
        }
    }

    private void bye(RequestEvent event, RelayedCall call) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx != null) {
            reply(tx, event.getRequest(), Response.OK, null, null);
        }
        boolean fromA = call.aCallId.equals(
                ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId());
        if (call.state == RelayedCall.State.ANSWERED) {
            if (fromA) {
                call.legB.bye();
            } else {
                call.legB.ended();
                sendBye(call.aDialog);
            }
        }
        boolean repSide = fromA == (call.direction == CallDetail.Direction.OUTBOUND);
        end(call, CallDetail.Disposition.ANSWERED, repSide ? CallDetail.Side.REP : CallDetail.Side.CUSTOMER);
    }

    private void cancel(RequestEvent event, RelayedCall call) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        reply(tx, event.getRequest(), Response.OK, null, null);
        if (call.state == RelayedCall.State.ANSWERED || call.state == RelayedCall.State.ENDED) {
            return;
        }
        reply(call.aInvite, call.aInvite.getRequest(), Response.REQUEST_TERMINATED, null, call.aTag);
        call.cancelPending = true;
        call.finalStatus = Response.REQUEST_TERMINATED;
        // Without a provisional yet, RFC 3261 9.1 has us wait for one before cancelling; the 487s or a racing 2xx
        // (acknowledged, then ended with BYE) end the call.
        cancelRinging(call);
    }

    @Override
    public void timeout(TimeoutEvent event) {
        // Leg B's INVITE is its OutgoingCall's; what is left here (relayed re-INVITEs, BYEs) needs nothing on timeout.
    }

    /**
     * Hangs up a call from our side (media timeout, admin, shutdown): BYE on both legs of an answered call; a call
     * still ringing is refused to the caller with 503 and cancelled toward the callee. Returns false when no call
     * of this B2BUA has that id.
     */
    public boolean hangup(String callId) {
        RelayedCall call = calls.values().stream().filter(c -> c.id.equals(callId)).findFirst().orElse(null);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            hangup(call);
        }
        return true;
    }

    /** Hangs up every call in progress, as {@link #hangup(String)} does; for a shutdown. */
    public void hangupAll() {
        for (RelayedCall call : calls.values().stream().distinct().toList()) {
            synchronized (call) {
                hangup(call);
            }
        }
    }

    private void hangup(RelayedCall call) {
        switch (call.state) {
            case ANSWERED -> {
                log.info("call {}: hanging up both legs", call.id);
                sendBye(call.aDialog);
                call.legB.bye();
                end(call, CallDetail.Disposition.ANSWERED, CallDetail.Side.SYSTEM);
            }
            case CALLING, EARLY -> {
                if (call.cancelPending) {
                    return;
                }
                log.info("call {}: hanging up before the answer", call.id);
                reply(call.aInvite, call.aInvite.getRequest(), Response.SERVICE_UNAVAILABLE, null, call.aTag);
                call.cancelPending = true;
                call.finalStatus = Response.REQUEST_TERMINATED;
                cancelRinging(call);
            }
            case ENDED -> { }
        }
    }

    private void end(RelayedCall call, CallDetail.Disposition disposition, CallDetail.Side by) {
        if (call.state == RelayedCall.State.ENDED) {
            return;
        }
        call.state = RelayedCall.State.ENDED;
        if (call.legB != null) {
            call.legB.ended();
        }
        if (call.watchA != null) {
            call.watchA.cancel(false);
        }
        if (call.noAnswer != null) {
            call.noAnswer.cancel(false);
        }
        calls.remove(call.aCallId, call);
        call.branchCallIds.forEach(id -> forget(id, call));
        try {
            call.relay.close();
        } catch (RuntimeException e) {
            log.warn("call {}: relay close failed", call.id, e);
        }
        CallDetail d = call.detail(clock.instant(), disposition, by, trunkId(call));
        log.info("call {} ended: {} {} by {}", call.id, disposition, call.finalStatus, by);
        safely(() -> listener.ended(d));
    }

    private void ackAndBye(Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
        } catch (Exception e) {
            log.debug("could not ACK late 2xx: {}", e.toString());
        }
        sendBye(dialog);
    }

    private void sendBye(Dialog dialog) {
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.warn("could not send BYE on {}", dialog.getCallId().getCallId(), e);
        }
    }

    private void reply(ServerTransaction tx, Request request, int status, String reason, String tag) {
        try {
            Response r = sip.messages().createResponse(status, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            if (tag != null) {
                ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(tag);
            }
            r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.warn("could not send {} to {}", status, request.getMethod(), e);
        }
    }

    /**
     * Our Contact in answers on leg A: the transport {@code request} came over ({@code sips:} for a {@code sips:}
     * request over TLS), so a carrier over TLS or TCP, or a phone registered over it, sends the dialog's ACK, BYE and
     * re-INVITEs back the same way. (Leg B's is its {@link OutgoingCall}'s.)
     */
    private ContactHeader contactA(RelayedCall call, Request request) throws Exception {
        return sip.contacts().answering(call.direction == CallDetail.Direction.OUTBOUND ? "earpiece" : call.rep,
                request);
    }

    private ContentTypeHeader sdpType() throws Exception {
        return sip.headers().createContentTypeHeader("application", "sdp");
    }

    private static byte[] body(javax.sip.message.Message m) {
        byte[] b = m.getRawContent();
        return b == null || b.length == 0 ? null : b;
    }

    private static String requestUser(Request request) {
        return request.getRequestURI() instanceof SipURI u ? u.getUser() : null;
    }

    /** The trunk the call went out on (the last tried), or came in on. */
    private String trunkId(RelayedCall call) {
        return call.trunkId != null ? call.trunkId : trunk.config().id();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("call detail listener failed", e);
        }
    }
}
