package io.earpiece.sip.dial;

import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.ResponseHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.SipHeaderText;
import io.earpiece.sip.auth.DigestClient;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.trunk.ChallengeAnswerer;
import io.earpiece.sip.timer.SessionExpires;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.timer.SessionTimerParseException;
import io.earpiece.sip.trunk.TrunkAddressing;
import io.earpiece.sip.trunk.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Places Earpiece's own calls through a trunk (dialling into a conference bridge): the INVITE with an offer of
 * G.711 and telephone-event, digest answers for the trunk, CANCEL, BYE either way, and RFC 4028 session timers.
 * With timers agreed, Earpiece refreshes (UPDATE, or re-INVITE where the peer does not allow UPDATE) at half the
 * interval when it is the refresher, and answers the peer's refreshes otherwise; a session that is not refreshed by
 * its expiry, or whose refresh fails with 408/481 or no answer, is hung up as dead.
 */
public final class DialOut implements RequestHandler, ResponseHandler {
    private static final Logger log = LoggerFactory.getLogger(DialOut.class);
    private static final List<String> ALLOW = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS, Request.UPDATE);
    /** RFC 4028 422 Session Interval Too Small (JAIN-SIP 1.2 predates it). */
    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

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

    private enum State { CALLING, EARLY, ANSWERED, ENDED }

    /** One placed call; guarded by its own monitor. */
    private final class Dialed {
        final String callId;
        final DialTarget target;
        final InetSocketAddress localMedia;
        final DialListener listener;
        final ChallengeAnswerer auth;
        final long sessionId = random.nextInt(Integer.MAX_VALUE);
        final String fromTag = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        long sdpVersion = 1;
        State state = State.CALLING;
        Request invite;
        ClientTransaction inviteTx;
        Dialog dialog;
        boolean provisionalSeen;
        boolean cancelPending;
        boolean authAnswered;
        int askedExpires = (int) timers.sessionExpires().toSeconds();
        int minSe = (int) timers.minSe().toSeconds();
        boolean retried422;
        // session timer, once agreed
        int sessionSeconds;
        boolean weRefresh;
        boolean peerAllowsUpdate;
        Instant refreshedAt;
        ScheduledFuture<?> refreshTask;
        ScheduledFuture<?> expiryTask;
        int refreshes;
        boolean told;

        Dialed(String callId, DialTarget target, InetSocketAddress localMedia, DialListener listener) {
            this.callId = callId;
            this.target = target;
            this.localMedia = localMedia;
            this.listener = listener;
            TrunkConfig t = target.trunk();
            this.auth = new ChallengeAnswerer(new DigestClient(t.username(), t.password()), t.realm());
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
        SipURI uri = TrunkAddressing.of(t, sip).requestUri(target.number());
        String callerId = t.callerId() != null ? t.callerId() : t.username();
        ViaHeader via = via(call);
        Request invite = sip.messages().createRequest(uri, Request.INVITE, cid,
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                sip.headers().createFromHeader(sip.addresses().createAddress(
                        sip.addresses().createSipURI(callerId, t.host())), call.fromTag),
                sip.headers().createToHeader(sip.addresses().createAddress(
                        sip.addresses().createSipURI(target.number(), t.host())), null),
                List.of(via), sip.headers().createMaxForwardsHeader(70));
        invite.addHeader(contact(call));
        invite.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgent())));
        for (String method : ALLOW) {
            invite.addHeader(sip.headers().createAllowHeader(method));
        }
        if (timers.enabled()) {
            invite.addHeader(sip.headers().createHeader("Supported", "timer"));
            sessionHeaders(invite, call.askedExpires, "uac", call.minSe);
        }
        invite.setContent(offer(call), sdpType());
        synchronized (call) {
            calls.put(call.callId, call);
            call.invite = invite;
            send(call, invite);
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
            switch (call.state) {
                case ANSWERED -> {
                    bye(call);
                    end(call, DialListener.End.LOCAL_HANGUP);
                }
                case CALLING, EARLY -> {
                    call.cancelPending = true;
                    if (call.provisionalSeen) {
                        cancel(call);
                    }
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
        if (call == null) {
            return -1;
        }
        synchronized (call) {
            return call.refreshes;
        }
    }

    private void send(Dialed call, Request invite) throws Exception {
        ClientTransaction ct = sip.provider().getNewClientTransaction(invite);
        ct.setApplicationData(this);
        call.inviteTx = ct;
        ct.sendRequest();
    }

    @Override
    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        Dialed call = calls.get(((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (call == null) {
            if (response.getStatusCode() / 100 == 2 && Request.INVITE.equals(cseq.getMethod())
                    && event.getDialog() != null) {
                ackAndBye(event.getDialog(), cseq.getSeqNumber());
            }
            return;
        }
        try {
            synchronized (call) {
                if (event.getClientTransaction() == call.inviteTx) {
                    inviteResponse(event, call);
                } else if (Request.INVITE.equals(cseq.getMethod()) || Request.UPDATE.equals(cseq.getMethod())) {
                    refreshResponse(event, call);
                }
            }
        } catch (Exception e) {
            log.warn("dialled call {}: failed on {} response", call.callId, response.getStatusCode(), e);
        }
    }

    private void inviteResponse(ResponseEvent event, Dialed call) throws Exception {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (code == Response.TRYING) {
            return;
        }
        if (call.state == State.ENDED || call.state == State.ANSWERED) {
            if (code / 100 == 2 && event.getDialog() != null) {
                if (call.state == State.ENDED) {
                    ackAndBye(event.getDialog(), cseq);
                } else {
                    event.getDialog().sendAck(event.getDialog().createAck(cseq));
                }
            }
            return;
        }
        if (code < 200) {
            call.provisionalSeen = true;
            call.state = State.EARLY;
            if (call.cancelPending) {
                cancel(call);
                return;
            }
            safely(() -> call.listener.ringing(code));
            return;
        }
        if (code < 300) {
            answered(event, call, response, cseq);
            return;
        }
        if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) && !call.authAnswered
                && !call.cancelPending) {
            Optional<ChallengeAnswerer.Answerable> c = call.auth.pick(response);
            if (c.isPresent()) {
                call.authAnswered = true;
                Request retry = retry(call, cseq);
                retry.setHeader(sip.headers().createHeader(c.get().credentialsHeader(),
                        call.auth.answer(c.get().challenge(), Request.INVITE, retry.getRequestURI().toString())));
                call.invite = retry;
                send(call, retry);
                return;
            }
        }
        if (code == SESSION_INTERVAL_TOO_SMALL && !call.retried422 && !call.cancelPending) {
            // RFC 4028 6: ask again with the peer's Min-SE as both the interval and our own minimum.
            Header h = response.getHeader("Min-SE");
            try {
                int min = SessionExpires.parseMinSe(SipHeaderText.value(h));
                call.retried422 = true;
                call.askedExpires = Math.max(call.askedExpires, min);
                call.minSe = Math.max(call.minSe, min);
                Request retry = retry(call, cseq);
                sessionHeaders(retry, call.askedExpires, "uac", call.minSe);
                call.invite = retry;
                send(call, retry);
                log.info("dialled call {}: 422, asking again with Session-Expires {}", call.callId, call.askedExpires);
                return;
            } catch (SessionTimerParseException e) {
                log.info("dialled call {}: 422 without a usable Min-SE: {}", call.callId, e.getMessage());
            }
        }
        call.state = State.ENDED;
        calls.remove(call.callId);
        log.info("dialled call {} not answered: {} {}", call.callId, code, response.getReasonPhrase());
        tell(call, l -> l.failed(code, response.getReasonPhrase()));
    }

    private void answered(ResponseEvent event, Dialed call, Response response, long cseq) throws Exception {
        call.dialog = event.getDialog();
        call.dialog.sendAck(call.dialog.createAck(cseq));
        if (call.cancelPending) {
            bye(call);
            call.state = State.ENDED;
            calls.remove(call.callId);
            tell(call, l -> l.failed(Response.REQUEST_TERMINATED, "hung up before the answer"));
            return;
        }
        Negotiation n;
        try {
            n = negotiator.negotiate(sdpParser.parse(body(response)));
        } catch (SdpParseException | SdpNotAcceptableException | RuntimeException e) {
            log.warn("dialled call {}: unusable answer SDP, hanging up: {}", call.callId, e.getMessage());
            bye(call);
            call.state = State.ENDED;
            calls.remove(call.callId);
            tell(call, l -> l.failed(Response.NOT_ACCEPTABLE_HERE, "answer SDP unusable: " + e.getMessage()));
            return;
        }
        call.state = State.ANSWERED;
        call.peerAllowsUpdate = allows(response, Request.UPDATE);
        startSessionTimer(call, response);
        log.info("dialled call {} answered: {} to {}:{}, telephone-event {}{}", call.callId, n.codec().name(),
                n.remoteHost(), n.remotePort(), n.telephoneEventPt(),
                call.sessionSeconds > 0 ? ", session timer " + call.sessionSeconds + " s refreshed by "
                        + (call.weRefresh ? "us" : "the peer") : "");
        InetSocketAddress remote = new InetSocketAddress(n.remoteHost(), n.remotePort());
        safely(() -> call.listener.answered(remote, n.codec(), n.telephoneEventPt()));
    }

    /** A new INVITE like the last, with the next CSeq and a new branch; the dialog is not yet established. */
    private Request retry(Dialed call, long cseq) throws Exception {
        Request retry = (Request) call.invite.clone();
        retry.setHeader(sip.headers().createCSeqHeader(cseq + 1, Request.INVITE));
        retry.removeHeader(ViaHeader.NAME);
        retry.addHeader(via(call));
        return retry;
    }

    // --- session timers (RFC 4028) ---

    private void startSessionTimer(Dialed call, Response response) {
        Header h = response.getHeader("Session-Expires");
        if (h == null) {
            h = response.getHeader("x"); // the compact form
        }
        if (h == null || !timers.enabled() && !requires(response, "timer")) {
            return;
        }
        try {
            SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
            call.sessionSeconds = se.seconds();
            // RFC 4028 7.2: with no refresher named in a 2xx, the UAC (we) refreshes.
            call.weRefresh = se.refresher() == null || se.refresher().equals("uac");
            refreshed(call);
        } catch (SessionTimerParseException e) {
            log.warn("dialled call {}: ignoring the answer's Session-Expires: {}", call.callId, e.getMessage());
        }
    }

    /** The session was refreshed now: plan our next refresh, or the check that the peer's comes in time. */
    private void refreshed(Dialed call) {
        call.refreshedAt = clock.instant();
        cancelTimers(call);
        if (call.sessionSeconds <= 0 || call.state != State.ANSWERED) {
            return;
        }
        Duration interval = Duration.ofSeconds(call.sessionSeconds);
        Duration expiry;
        if (call.weRefresh) {
            call.refreshTask = scheduler.schedule(() -> refresh(call), interval.toMillis() / 2, TimeUnit.MILLISECONDS);
            expiry = interval;
        } else {
            // RFC 4028 10: the side that does not refresh sends BYE a little before expiry (32 s or a third).
            expiry = interval.minusSeconds(Math.min(32, call.sessionSeconds / 3));
        }
        Instant at = call.refreshedAt;
        call.expiryTask = scheduler.schedule(() -> expired(call, at), expiry.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimers(Dialed call) {
        if (call.refreshTask != null) {
            call.refreshTask.cancel(false);
            call.refreshTask = null;
        }
        if (call.expiryTask != null) {
            call.expiryTask.cancel(false);
            call.expiryTask = null;
        }
    }

    private void refresh(Dialed call) {
        synchronized (call) {
            if (call.state != State.ANSWERED) {
                return;
            }
            try {
                Request r = call.dialog.createRequest(call.peerAllowsUpdate ? Request.UPDATE : Request.INVITE);
                r.addHeader(sip.headers().createHeader("Supported", "timer"));
                sessionHeaders(r, call.sessionSeconds, "uac", call.minSe);
                r.setHeader(contact(call));
                if (Request.INVITE.equals(r.getMethod())) {
                    // the same session description: a refresh changes nothing (RFC 4028 9 allows either)
                    r.setContent(offer(call), sdpType());
                }
                ClientTransaction ct = sip.provider().getNewClientTransaction(r);
                ct.setApplicationData(this);
                call.dialog.sendRequest(ct);
                log.debug("dialled call {}: session refresh by {}", call.callId, r.getMethod());
            } catch (Exception e) {
                log.warn("dialled call {}: could not send the session refresh", call.callId, e);
            }
        }
    }

    private void refreshResponse(ResponseEvent event, Dialed call) throws Exception {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (code < 200 || call.state != State.ANSWERED) {
            return;
        }
        if (code < 300) {
            if (Request.INVITE.equals(cseq.getMethod()) && event.getDialog() != null) {
                event.getDialog().sendAck(event.getDialog().createAck(cseq.getSeqNumber()));
            }
            call.refreshes++;
            Header h = response.getHeader("Session-Expires");
            if (h != null) {
                try {
                    SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
                    call.sessionSeconds = se.seconds();
                    call.weRefresh = se.refresher() == null || se.refresher().equals("uac");
                } catch (SessionTimerParseException e) {
                    log.debug("dialled call {}: refresh answer's Session-Expires ignored: {}", call.callId,
                            e.getMessage());
                }
            }
            refreshed(call);
            return;
        }
        if (code == Response.REQUEST_TIMEOUT || code == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            dead(call, "refresh answered " + code);
            return;
        }
        if (code == SESSION_INTERVAL_TOO_SMALL) {
            try {
                call.sessionSeconds = Math.max(call.sessionSeconds,
                        SessionExpires.parseMinSe(SipHeaderText.value(response.getHeader("Min-SE"))));
                call.minSe = Math.max(call.minSe, call.sessionSeconds);
            } catch (SessionTimerParseException e) {
                log.debug("dialled call {}: 422 without Min-SE", call.callId);
            }
        } else if (Request.UPDATE.equals(cseq.getMethod())) {
            // a peer that refuses UPDATE (501, 405) gets re-INVITEs from now on
            call.peerAllowsUpdate = false;
        }
        refresh(call);
    }

    private void expired(Dialed call, Instant armedAt) {
        synchronized (call) {
            if (call.state == State.ANSWERED && armedAt.equals(call.refreshedAt)) {
                dead(call, "no session refresh within " + call.sessionSeconds + " s");
            }
        }
    }

    private void dead(Dialed call, String why) {
        log.warn("dialled call {}: session expired ({}), hanging up", call.callId, why);
        bye(call);
        end(call, DialListener.End.SESSION_EXPIRED);
    }

    private void sessionHeaders(Request r, int seconds, String refresher, int minSe) throws Exception {
        r.setHeader(sip.headers().createHeader("Session-Expires", seconds + ";refresher=" + refresher));
        r.setHeader(sip.headers().createHeader("Min-SE", String.valueOf(minSe)));
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
                        reply(tx, request, Response.OK, false, call);
                        end(call, DialListener.End.REMOTE_BYE);
                    }
                    case Request.INVITE, Request.UPDATE -> peerRefresh(tx, request, call);
                    case Request.OPTIONS -> reply(tx, request, Response.OK, false, call);
                    default -> reply(tx, request, Response.NOT_IMPLEMENTED, false, call);
                }
            }
        } catch (Exception e) {
            log.warn("dialled call {}: failed on {}", call.callId, request.getMethod(), e);
        }
        return true;
    }

    /** A re-INVITE or UPDATE: answered with our unchanged media; it refreshes the session and may move the peer. */
    private void peerRefresh(ServerTransaction tx, Request request, Dialed call) throws Exception {
        if (call.state != State.ANSWERED) {
            reply(tx, request, Response.REQUEST_PENDING, false, call);
            return;
        }
        byte[] body = body(request);
        if (body != null) {
            try {
                Negotiation n = negotiator.negotiate(sdpParser.parse(body));
                InetSocketAddress remote = new InetSocketAddress(n.remoteHost(), n.remotePort());
                safely(() -> call.listener.remoteChanged(remote));
            } catch (SdpParseException | SdpNotAcceptableException e) {
                reply(tx, request, Response.NOT_ACCEPTABLE_HERE, false, call);
                return;
            }
        }
        Header h = request.getHeader("Session-Expires");
        if (h != null) {
            try {
                SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
                if (se.seconds() < call.minSe) {
                    Response r = sip.messages().createResponse(SESSION_INTERVAL_TOO_SMALL, request);
                    r.setHeader(sip.headers().createHeader("Min-SE", String.valueOf(call.minSe)));
                    tx.sendResponse(r);
                    return;
                }
                call.sessionSeconds = se.seconds();
                // the peer sent the refresh: unless it names us, it stays the refresher (RFC 4028 9)
                call.weRefresh = "uas".equals(se.refresher());
            } catch (SessionTimerParseException e) {
                log.debug("dialled call {}: peer refresh's Session-Expires ignored: {}", call.callId, e.getMessage());
            }
        }
        Response r = sip.messages().createResponse(Response.OK, request);
        r.addHeader(contact(call));
        if (call.sessionSeconds > 0) {
            r.addHeader(sip.headers().createHeader("Require", "timer"));
            r.setHeader(sip.headers().createHeader("Session-Expires",
                    call.sessionSeconds + ";refresher=" + (call.weRefresh ? "uas" : "uac")));
        }
        if (Request.INVITE.equals(request.getMethod())) {
            r.setContent(offer(call), sdpType());
        }
        tx.sendResponse(r);
        if (call.sessionSeconds > 0) {
            call.refreshes++;
            refreshed(call);
        }
    }

    @Override
    public void timeout(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return;
        }
        Request request = ct.getRequest();
        Dialed call = calls.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        if (call == null) {
            return;
        }
        synchronized (call) {
            if (ct == call.inviteTx && (call.state == State.CALLING || call.state == State.EARLY)) {
                call.state = State.ENDED;
                calls.remove(call.callId);
                tell(call, l -> l.failed(Response.REQUEST_TIMEOUT, "no answer from the trunk"));
            } else if (call.state == State.ANSWERED && (Request.UPDATE.equals(request.getMethod())
                    || Request.INVITE.equals(request.getMethod()))) {
                dead(call, "refresh not answered");
            }
        }
    }

    private void end(Dialed call, DialListener.End end) {
        if (call.state == State.ENDED) {
            return;
        }
        call.state = State.ENDED;
        cancelTimers(call);
        calls.remove(call.callId);
        log.info("dialled call {} ended: {}", call.callId, end);
        tell(call, l -> l.ended(end));
    }

    private void bye(Dialed call) {
        if (call.dialog == null) {
            return;
        }
        try {
            Request bye = call.dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            ct.setApplicationData(this);
            call.dialog.sendRequest(ct);
        } catch (Exception e) {
            log.warn("dialled call {}: could not send BYE", call.callId, e);
        }
    }

    private void cancel(Dialed call) {
        try {
            ClientTransaction ct = sip.provider().getNewClientTransaction(call.inviteTx.createCancel());
            ct.setApplicationData(this);
            ct.sendRequest();
        } catch (Exception e) {
            log.warn("dialled call {}: could not send CANCEL", call.callId, e);
        }
    }

    private void ackAndBye(Dialog dialog, long cseq) {
        try {
            dialog.sendAck(dialog.createAck(cseq));
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            ct.setApplicationData(this);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.debug("could not end a late 2xx: {}", e.toString());
        }
    }

    private void reply(ServerTransaction tx, Request request, int status, boolean withContact, Dialed call) {
        try {
            Response r = sip.messages().createResponse(status, request);
            r.setHeader(sip.headers().createServerHeader(List.of(sip.userAgent())));
            if (withContact) {
                r.addHeader(contact(call));
            }
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

    /** Earpiece's Contact for the trunk's transport; the UDP one where no call is known. */
    private ContactHeader contact(Dialed call) throws Exception {
        if (call != null) {
            return TrunkAddressing.of(call.target.trunk(), sip).contact("earpiece");
        }
        SipURI uri = sip.addresses().createSipURI("earpiece", sip.host());
        uri.setPort(sip.port());
        uri.setTransportParam("udp");
        return sip.headers().createContactHeader(sip.addresses().createAddress(uri));
    }

    private ViaHeader via(Dialed call) throws Exception {
        return TrunkAddressing.of(call.target.trunk(), sip).via();
    }

    private javax.sip.header.ContentTypeHeader sdpType() throws Exception {
        return sip.headers().createContentTypeHeader("application", "sdp");
    }

    private static boolean allows(Message m, String method) {
        for (ListIterator<?> it = m.getHeaders("Allow"); it.hasNext(); ) {
            String v = SipHeaderText.value((Header) it.next());
            for (String part : v.split(",")) {
                if (part.trim().equalsIgnoreCase(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean requires(Message m, String option) {
        for (ListIterator<?> it = m.getHeaders("Require"); it.hasNext(); ) {
            if (SipHeaderText.value((Header) it.next()).toLowerCase(Locale.ROOT).contains(option)) {
                return true;
            }
        }
        return false;
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
