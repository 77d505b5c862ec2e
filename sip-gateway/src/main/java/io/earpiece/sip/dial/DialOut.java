package io.earpiece.sip.dial;

import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.auth.DigestClient;
import io.earpiece.sip.outbound.OutgoingCall;
import io.earpiece.sip.outbound.OutgoingCallListener;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.trunk.ChallengeAnswerer;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.trunk.TrunkAddressing;
import io.earpiece.sip.trunk.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Places Earpiece's own calls through a trunk (dialling into a conference bridge): an offer of G.711 and
 * telephone-event, the trunk's credentials and the answer's codec; the signalling itself (CANCEL, BYE, digest and
 * 422 retries, RFC 4028 session timers) is the {@link OutgoingCall}'s, shared with the B2BUA's outgoing leg. Here it
 * answers the peer's in-dialog requests: BYE, OPTIONS, and re-INVITE/UPDATE as session refreshes.
 */
public final class DialOut implements RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(DialOut.class);
    private static final List<String> ALLOW = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.UPDATE);

    private final SipContext sip;
    private final SessionTimerConfig timers;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SdpParser sdpParser = new SdpParser();
    private final CodecNegotiator negotiator = new CodecNegotiator();
    private final Map<String, Dialed> calls = new ConcurrentHashMap<>();

    public DialOut(SipContext sip, SessionTimerConfig timers, ScheduledExecutorService scheduler, Clock clock) {
        this.sip = sip;
        this.timers = timers;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** One placed call: its signalling is an {@link OutgoingCall}; guarded by its own monitor, which it shares. */
    private final class Dialed implements OutgoingCallListener {
        final String callId;
        final DialTarget target;
        final InetSocketAddress localMedia;
        final DialListener listener;
        final OutgoingCall outgoing;
        /** The trunk's transport, built once per call: over TLS it loads the trunk's certificate files. */
        final TrunkAddressing addressing;
        final long sessionId = random.nextInt(Integer.MAX_VALUE);
        final String fromTag = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        final long sdpVersion = 1;
        boolean over;
        boolean told;

        Dialed(String callId, DialTarget target, InetSocketAddress localMedia, DialListener listener) {
            this.callId = callId;
            this.target = target;
            this.localMedia = localMedia;
            this.listener = listener;
            TrunkConfig t = target.trunk();
            this.addressing = TrunkAddressing.of(t, sip);
            this.outgoing = new OutgoingCall(sip, this,
                    new ChallengeAnswerer(new DigestClient(t.username(), t.password()), t.realm()), timers,
                    scheduler, clock, "earpiece", addressing, this);
        }

        @Override
        public void provisional(Response response) {
            int code = response.getStatusCode();
            safely(() -> listener.ringing(code));
        }

        @Override
        public void answered(Response response) {
            Negotiation n;
            try {
                n = negotiator.negotiate(sdpParser.parse(body(response)));
            } catch (SdpParseException | SdpNotAcceptableException | RuntimeException e) {
                log.warn("dialled call {}: unusable answer SDP, hanging up: {}", callId, e.getMessage());
                outgoing.bye();
                over();
                tell(this, l -> l.failed(Response.NOT_ACCEPTABLE_HERE, "answer SDP unusable: " + e.getMessage()));
                return;
            }
            log.info("dialled call {} answered: {} to {}:{}, telephone-event {}", callId, n.codec().name(),
                    n.remoteHost(), n.remotePort(), n.telephoneEventPt());
            InetSocketAddress remote = new InetSocketAddress(n.remoteHost(), n.remotePort());
            safely(() -> listener.answered(remote, n.codec(), n.telephoneEventPt()));
        }

        @Override
        public void failed(int status, String reason, Response response) {
            over();
            String why = response == null ? "no answer from the trunk" : reason;
            log.info("dialled call {} not answered: {} {}", callId, status, why);
            tell(this, l -> l.failed(status, why));
        }

        @Override
        public void expired(String why) {
            end(this, DialListener.End.SESSION_EXPIRED);
        }

        @Override
        public String refreshOffer() {
            return offer(this);
        }

        void over() {
            over = true;
            calls.remove(callId);
        }
    }

    /**
     * Sends the INVITE and returns the call's Call-ID, its handle for {@link #hangup}; what follows reaches
     * {@code listener}.
     *
     * @param localMedia where the far end is to send RTP (the leg Earpiece opened for it)
     */
    public String dial(DialTarget target, InetSocketAddress localMedia, DialListener listener) throws Exception {
        TrunkConfig t = target.trunk();
        CallIdHeader cid = sip.provider().getNewCallId();
        Dialed call = new Dialed(cid.getCallId(), target, localMedia, listener);
        String callerId = t.callerId() != null ? t.callerId() : t.username();
        Request invite = call.outgoing.newInvite(call.addressing.requestUri(target.number()),
                sip.addresses().createSipURI(callerId, t.host()), call.fromTag,
                sip.addresses().createSipURI(target.number(), t.host()), cid);
        for (String method : ALLOW) {
            invite.addHeader(sip.headers().createAllowHeader(method));
        }
        synchronized (call) {
            calls.put(call.callId, call);
            call.outgoing.start(invite, offer(call));
        }
        log.info("dialling {} through trunk {} (call {})", target.number(), t.id(), call.callId);
        return call.callId;
    }

    /**
     * Ends a call this placed: BYE once answered; before the answer a CANCEL (sent once a provisional came, as RFC
     * 3261 9.1 asks). Returns false when no call has that Call-ID.
     */
    public boolean hangup(String callId) {
        Dialed call = calls.get(callId);
        if (call == null) {
            return false;
        }
        synchronized (call) {
            switch (call.outgoing.state()) {
                case ANSWERED -> {
                    call.outgoing.bye();
                    end(call, DialListener.End.LOCAL_HANGUP);
                }
                case CALLING, EARLY -> {
                    call.outgoing.cancel();
                    // Over for the caller now; the INVITE's late answers are still dealt with (CANCEL once a
                    // provisional comes, ACK and BYE for a 2xx), but the listener hears of the call no more.
                    tell(call, l -> l.failed(Response.REQUEST_TERMINATED, "hung up before the answer"));
                }
                case ENDED -> { }
            }
        }
        return true;
    }

    /** Hangs up every call in progress, for a shutdown. */
    public void hangupAll() {
        List.copyOf(calls.keySet()).forEach(this::hangup);
    }

    /** Calls placed and not over. */
    public int activeCalls() {
        return calls.size();
    }

    /** Successful session refreshes of a call so far (either side's), for tests and status. */
    public int refreshes(String callId) {
        Dialed call = calls.get(callId);
        return call == null ? -1 : call.outgoing.refreshes();
    }

    // --- requests from the far end ---

    @Override
    public boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        CallIdHeader cid = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        Dialed call = cid == null ? null : calls.get(cid.getCallId());
        if (call == null) {
            return false;
        }
        try {
            synchronized (call) {
                ServerTransaction tx = event.getServerTransaction();
                if (tx == null && !Request.ACK.equals(request.getMethod())) {
                    tx = sip.provider().getNewServerTransaction(request);
                }
                switch (request.getMethod()) {
                    case Request.ACK -> { }
                    case Request.BYE -> {
                        reply(tx, request, Response.OK, call);
                        call.outgoing.ended();
                        end(call, DialListener.End.REMOTE_BYE);
                    }
                    case Request.INVITE, Request.UPDATE -> peerRefresh(tx, request, call);
                    case Request.OPTIONS -> reply(tx, request, Response.OK, call);
                    default -> reply(tx, request, Response.NOT_IMPLEMENTED, call);
                }
            }
        } catch (Exception e) {
            log.warn("dialled call {}: failed on {}", call.callId, request.getMethod(), e);
        }
        return true;
    }

    /** A re-INVITE or UPDATE: answered with our unchanged media; it refreshes the session and may move the peer. */
    private void peerRefresh(ServerTransaction tx, Request request, Dialed call) throws Exception {
        if (call.outgoing.state() != OutgoingCall.State.ANSWERED) {
            reply(tx, request, Response.REQUEST_PENDING, call);
            return;
        }
        byte[] body = body(request);
        if (body != null) {
            try {
                Negotiation n = negotiator.negotiate(sdpParser.parse(body));
                InetSocketAddress remote = new InetSocketAddress(n.remoteHost(), n.remotePort());
                safely(() -> call.listener.remoteChanged(remote));
            } catch (SdpParseException | SdpNotAcceptableException e) {
                reply(tx, request, Response.NOT_ACCEPTABLE_HERE, call);
                return;
            }
        }
        call.outgoing.answerRefresh(tx, request, offer(call));
    }

    private void end(Dialed call, DialListener.End end) {
        if (call.over) {
            return;
        }
        call.over();
        log.info("dialled call {} ended: {}", call.callId, end);
        tell(call, l -> l.ended(end));
    }

    private void reply(ServerTransaction tx, Request request, int status, Dialed call) {
        try {
            Response r = sip.messages().createResponse(status, request);
            r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
            tx.sendResponse(r);
        } catch (Exception e) {
            log.warn("dialled call {}: could not send {}", call.callId, status, e);
        }
    }

    private String offer(Dialed call) {
        String host = call.localMedia.getAddress().getHostAddress();
        StringBuilder formats = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (String codec : call.target.trunk().codecs()) {
            switch (codec.toUpperCase(Locale.ROOT)) {
                case "PCMU" -> {
                    formats.append(" 0");
                    maps.append("a=rtpmap:0 PCMU/8000\r\n");
                }
                case "PCMA" -> {
                    formats.append(" 8");
                    maps.append("a=rtpmap:8 PCMA/8000\r\n");
                }
                default -> { }
            }
        }
        if (formats.isEmpty()) {
            formats.append(" 0 8");
            maps.append("a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n");
        }
        return "v=0\r\n"
                + "o=earpiece " + call.sessionId + " " + call.sdpVersion + " IN IP4 " + host + "\r\n"
                + "s=Earpiece\r\n"
                + "c=IN IP4 " + host + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + call.localMedia.getPort() + " RTP/AVP" + formats + " 101\r\n"
                + maps
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    private static byte[] body(Message m) {
        byte[] b = m.getRawContent();
        return b == null || b.length == 0 ? null : b;
    }

    /** Passes the call's one terminal event (failed or ended) to its listener; later ones are dropped. */
    private static void tell(Dialed call, java.util.function.Consumer<DialListener> event) {
        if (call.told) {
            return;
        }
        call.told = true;
        safely(() -> event.accept(call.listener));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("dial listener failed", e);
        }
    }

    /** The SDP text of a message, for logs. */
    static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
