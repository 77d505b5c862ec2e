package io.earpiece.sip.outbound;

import io.earpiece.sip.ResponseHandler;
import io.earpiece.sip.SipContext;
import io.earpiece.sip.SipHeaderText;
import io.earpiece.sip.timer.SessionExpires;
import io.earpiece.sip.timer.SessionTimerConfig;
import io.earpiece.sip.timer.SessionTimerParseException;
import io.earpiece.sip.trunk.ChallengeAnswerer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One call Earpiece places as the UAC, for its own dial-out and for the B2BUA's outgoing leg: the INVITE with its
 * offer on a client transaction, provisional and final responses, one digest retry for 401/407, one retry after 422
 * with the peer's Min-SE, ACK, CANCEL (only once a provisional came, RFC 3261 9.1: before that it waits, and cancels
 * the late provisional), a 2xx after the CANCEL acknowledged and ended with BYE, BYE either way, and RFC 4028 session
 * timers: with timers agreed it refreshes (UPDATE, or re-INVITE where the peer does not allow UPDATE) at half the
 * interval when it is the refresher, and expects the peer's refreshes otherwise; a session not refreshed by its
 * expiry, or whose refresh fails with 408/481 or no answer, is hung up as dead.
 *
 * <p>Its client transactions name it as their handler, so responses, late ones included, reach it directly. Every
 * entry point holds {@code lock} (the owner's per-call monitor), so owner and call never lock in opposite orders.
 */
public final class OutgoingCall implements ResponseHandler {
    private static final Logger log = LoggerFactory.getLogger(OutgoingCall.class);
    /** RFC 4028 422 Session Interval Too Small (JAIN-SIP 1.2 predates it). */
    public static final int SESSION_INTERVAL_TOO_SMALL = 422;

    /** Where the call stands. */
    public enum State { CALLING, EARLY, ANSWERED, ENDED }

    private final SipContext sip;
    private final Object lock;
    private final ChallengeAnswerer auth;
    private final SessionTimerConfig timers;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String contactUser;
    private final LegAddressing addressing;
    private final OutgoingCallListener listener;

    private State state = State.CALLING;
    private Request invite;
    private ClientTransaction inviteTx;
    private Dialog dialog;
    private boolean provisionalSeen;
    private boolean cancelPending;
    private boolean authAnswered;
    private boolean retried422;
    private boolean told;
    private int askedExpires;
    private int minSe;
    // the session timer, once agreed
    private int sessionSeconds;
    private boolean weRefresh;
    private boolean peerAllowsUpdate;
    private Instant refreshedAt;
    private ScheduledFuture<?> refreshTask;
    private ScheduledFuture<?> expiryTask;
    private int refreshes;

    /**
     * @param lock        the owner's monitor for this call; held on every entry, including timer and SIP threads
     * @param auth        answers a 401/407 once; null for a leg that is never challenged (a rep's phone)
     * @param timers      RFC 4028 timers to ask for and keep; null leaves them out of this call entirely
     * @param contactUser the user part of our Contact, in the INVITE and in refreshes
     * @param addressing  the leg's transport for Via and Contact: the trunk's, or the registered device's
     */
    public OutgoingCall(SipContext sip, Object lock, ChallengeAnswerer auth, SessionTimerConfig timers,
                        ScheduledExecutorService scheduler, Clock clock, String contactUser, LegAddressing addressing,
                        OutgoingCallListener listener) {
        this.sip = sip;
        this.addressing = java.util.Objects.requireNonNull(addressing, "addressing");
        this.lock = lock;
        this.auth = auth;
        this.timers = timers;
        this.scheduler = scheduler;
        this.clock = clock;
        this.contactUser = contactUser;
        this.listener = listener;
        this.askedExpires = timers == null ? 0 : (int) timers.sessionExpires().toSeconds();
        this.minSe = timers == null ? 0 : (int) timers.minSe().toSeconds();
    }

    /**
     * A new out-of-dialog INVITE to {@code target}. Everything about where and how it is sent (Request-URI,
     * Via and its transport, Contact) is built here and in {@link #via()} and {@link #contact()}, and nowhere else.
     */
    public Request newInvite(URI target, SipURI from, String fromTag, SipURI to, CallIdHeader callId)
            throws Exception {
        Request r = sip.messages().createRequest(target, Request.INVITE, callId,
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                sip.headers().createFromHeader(sip.addresses().createAddress(from), fromTag),
                sip.headers().createToHeader(sip.addresses().createAddress(to), null), List.of(via()),
                sip.headers().createMaxForwardsHeader(70));
        r.addHeader(contact());
        for (String hop : addressing.route()) {
            r.addHeader(sip.headers().createHeader(RouteHeader.NAME, hop));
        }
        r.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgent())));
        return r;
    }

    /** Sends {@code invite} (from {@link #newInvite}) with {@code sdp} as its offer, asking for timers if set. */
    public void start(Request invite, String sdp) throws Exception {
        synchronized (lock) {
            if (timers != null && timers.enabled()) {
                invite.addHeader(sip.headers().createHeader("Supported", "timer"));
                sessionHeaders(invite, askedExpires, minSe);
            }
            invite.setContent(sdp, sdpType());
            this.invite = invite;
            send(invite);
        }
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The dialog, early (after a provisional with a tag) or confirmed; null before. */
    public Dialog dialog() {
        synchronized (lock) {
            return dialog;
        }
    }

    /** The INVITE as last sent (after retries, with credentials). */
    public Request invite() {
        synchronized (lock) {
            return invite;
        }
    }

    /** Whether {@link #cancel()} was asked for before the answer. */
    public boolean cancelled() {
        synchronized (lock) {
            return cancelPending;
        }
    }

    /** The agreed session interval in seconds; 0 without timers. */
    public int sessionSeconds() {
        synchronized (lock) {
            return sessionSeconds;
        }
    }

    /** Successful session refreshes so far, either side's. */
    public int refreshes() {
        synchronized (lock) {
            return refreshes;
        }
    }

    /**
     * Gives up before the answer: CANCEL now if a provisional came, else at the first one (RFC 3261 9.1); the
     * INVITE's final answer then reaches {@link OutgoingCallListener#failed}, a racing 2xx is acknowledged and
     * ended with BYE. Does nothing once answered or ended.
     */
    public void cancel() {
        synchronized (lock) {
            if (cancelPending || state == State.ANSWERED || state == State.ENDED) {
                return;
            }
            cancelPending = true;
            if (provisionalSeen) {
                sendCancel();
            }
        }
    }

    /** Hangs up an answered call with BYE (the listener hears nothing more); ends it here either way. */
    public void bye() {
        synchronized (lock) {
            if (state == State.ANSWERED) {
                sendBye(dialog);
            }
            ended();
        }
    }

    /** The call is over by other means (the peer's BYE): stops its timers. */
    public void ended() {
        synchronized (lock) {
            state = State.ENDED;
            cancelTimers();
        }
    }

    // --- responses ---

    @Override
    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        try {
            synchronized (lock) {
                if (event.getClientTransaction() == inviteTx) {
                    inviteResponse(event);
                } else if (Request.INVITE.equals(cseq.getMethod()) || Request.UPDATE.equals(cseq.getMethod())) {
                    refreshResponse(event);
                }
            }
        } catch (Exception e) {
            log.warn("outgoing call {}: failed on {} response", callId(), response.getStatusCode(), e);
        }
    }

    private void inviteResponse(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (code == Response.TRYING) {
            return;
        }
        if (state == State.ENDED || state == State.ANSWERED) {
            if (code / 100 == 2 && event.getDialog() != null) {
                if (state == State.ENDED) {
                    ackAndBye(event.getDialog(), cseq);
                } else {
                    event.getDialog().sendAck(event.getDialog().createAck(cseq));
                }
            }
            return;
        }
        if (code < 200) {
            provisionalSeen = true;
            if (event.getDialog() != null) {
                dialog = event.getDialog();
            }
            if (cancelPending) {
                sendCancel();
                return;
            }
            state = State.EARLY;
            listener.provisional(response);
            return;
        }
        if (code < 300) {
            answered(event, response, cseq);
            return;
        }
        if ((code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) && auth != null
                && !authAnswered && !cancelPending) {
            Optional<ChallengeAnswerer.Answerable> c = auth.pick(response);
            if (c.isPresent()) {
                authAnswered = true;
                Request retry = retry(cseq);
                retry.setHeader(sip.headers().createHeader(c.get().credentialsHeader(),
                        auth.answer(c.get().challenge(), Request.INVITE, retry.getRequestURI().toString())));
                invite = retry;
                send(retry);
                return;
            }
        }
        if (code == SESSION_INTERVAL_TOO_SMALL && timers != null && !retried422 && !cancelPending) {
            // RFC 4028 6: ask again with the peer's Min-SE as both the interval and our own minimum.
            try {
                int min = SessionExpires.parseMinSe(SipHeaderText.value(response.getHeader("Min-SE")));
                retried422 = true;
                askedExpires = Math.max(askedExpires, min);
                minSe = Math.max(minSe, min);
                Request retry = retry(cseq);
                sessionHeaders(retry, askedExpires, minSe);
                invite = retry;
                send(retry);
                log.info("outgoing call {}: 422, asking again with Session-Expires {}", callId(), askedExpires);
                return;
            } catch (SessionTimerParseException e) {
                log.info("outgoing call {}: 422 without a usable Min-SE: {}", callId(), e.getMessage());
            }
        }
        state = State.ENDED;
        fail(code, response.getReasonPhrase(), response);
    }

    private void answered(ResponseEvent event, Response response, long cseq) throws Exception {
        dialog = event.getDialog();
        dialog.sendAck(dialog.createAck(cseq));
        if (cancelPending) {
            sendBye(dialog);
            state = State.ENDED;
            fail(Response.REQUEST_TERMINATED, "hung up before the answer", response);
            return;
        }
        state = State.ANSWERED;
        told = true;
        listener.answered(response);
        if (state == State.ANSWERED) {
            peerAllowsUpdate = allows(response, Request.UPDATE);
            startSessionTimer(response);
        }
    }

    /** A new INVITE like the last, with the next CSeq and a new branch; the dialog is not yet established. */
    private Request retry(long cseq) throws Exception {
        Request retry = (Request) invite.clone();
        retry.setHeader(sip.headers().createCSeqHeader(cseq + 1, Request.INVITE));
        retry.removeHeader(ViaHeader.NAME);
        retry.addHeader(via());
        return retry;
    }

    @Override
    public void timeout(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return;
        }
        String method = ct.getRequest().getMethod();
        synchronized (lock) {
            if (ct == inviteTx && (state == State.CALLING || state == State.EARLY)) {
                state = State.ENDED;
                fail(Response.REQUEST_TIMEOUT, "no answer", null);
            } else if (ct != inviteTx && state == State.ANSWERED
                    && (Request.UPDATE.equals(method) || Request.INVITE.equals(method))) {
                dead("refresh not answered");
            }
        }
    }

    private void fail(int code, String reason, Response response) {
        if (told) {
            return;
        }
        told = true;
        try {
            listener.failed(code, reason, response);
        } catch (RuntimeException e) {
            log.warn("outgoing call listener failed", e);
        }
    }

    // --- session timers (RFC 4028) ---

    private void startSessionTimer(Response response) {
        if (timers == null) {
            return;
        }
        Header h = response.getHeader("Session-Expires");
        if (h == null) {
            h = response.getHeader("x"); // the compact form
        }
        if (h == null || !timers.enabled() && !requires(response, "timer")) {
            return;
        }
        try {
            SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
            sessionSeconds = se.seconds();
            // RFC 4028 7.2: with no refresher named in a 2xx, the UAC (we) refreshes.
            weRefresh = se.refresher() == null || se.refresher().equals("uac");
            refreshed();
            log.info("outgoing call {}: session timer {} s refreshed by {}", callId(), sessionSeconds,
                    weRefresh ? "us" : "the peer");
        } catch (SessionTimerParseException e) {
            log.warn("outgoing call {}: ignoring the answer's Session-Expires: {}", callId(), e.getMessage());
        }
    }

    /** The session was refreshed now: plan our next refresh, or the check that the peer's comes in time. */
    private void refreshed() {
        refreshedAt = clock.instant();
        cancelTimers();
        if (sessionSeconds <= 0 || state != State.ANSWERED) {
            return;
        }
        Duration interval = Duration.ofSeconds(sessionSeconds);
        Duration expiry;
        if (weRefresh) {
            refreshTask = scheduler.schedule(this::refresh, interval.toMillis() / 2, TimeUnit.MILLISECONDS);
            expiry = interval;
        } else {
            // RFC 4028 10: the side that does not refresh sends BYE a little before expiry (32 s or a third).
            expiry = interval.minusSeconds(Math.min(32, sessionSeconds / 3));
        }
        Instant at = refreshedAt;
        expiryTask = scheduler.schedule(() -> expired(at), expiry.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (refreshTask != null) {
            refreshTask.cancel(false);
            refreshTask = null;
        }
        if (expiryTask != null) {
            expiryTask.cancel(false);
            expiryTask = null;
        }
    }

    private void refresh() {
        synchronized (lock) {
            if (state != State.ANSWERED) {
                return;
            }
            try {
                String offer = listener.refreshOffer();
                // without a session description to repeat, a re-INVITE cannot refresh: UPDATE is the one way
                boolean update = peerAllowsUpdate || offer == null;
                Request r = dialog.createRequest(update ? Request.UPDATE : Request.INVITE);
                r.addHeader(sip.headers().createHeader("Supported", "timer"));
                sessionHeaders(r, sessionSeconds, minSe);
                r.setHeader(contact());
                if (!update) {
                    // the same session description: a refresh changes nothing (RFC 4028 9 allows either)
                    r.setContent(offer, sdpType());
                }
                ClientTransaction ct = sip.provider().getNewClientTransaction(r);
                ct.setApplicationData(this);
                dialog.sendRequest(ct);
                log.debug("outgoing call {}: session refresh by {}", callId(), r.getMethod());
            } catch (Exception e) {
                log.warn("outgoing call {}: could not send the session refresh", callId(), e);
            }
        }
    }

    private void refreshResponse(ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (code < 200 || state != State.ANSWERED) {
            return;
        }
        if (code < 300) {
            if (Request.INVITE.equals(cseq.getMethod()) && event.getDialog() != null) {
                event.getDialog().sendAck(event.getDialog().createAck(cseq.getSeqNumber()));
            }
            refreshes++;
            Header h = response.getHeader("Session-Expires");
            if (h != null) {
                try {
                    SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
                    sessionSeconds = se.seconds();
                    weRefresh = se.refresher() == null || se.refresher().equals("uac");
                } catch (SessionTimerParseException e) {
                    log.debug("outgoing call {}: refresh answer's Session-Expires ignored: {}", callId(),
                            e.getMessage());
                }
            }
            refreshed();
            return;
        }
        if (code == Response.REQUEST_TIMEOUT || code == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            dead("refresh answered " + code);
            return;
        }
        if (code == SESSION_INTERVAL_TOO_SMALL) {
            try {
                sessionSeconds = Math.max(sessionSeconds,
                        SessionExpires.parseMinSe(SipHeaderText.value(response.getHeader("Min-SE"))));
                minSe = Math.max(minSe, sessionSeconds);
            } catch (SessionTimerParseException e) {
                log.debug("outgoing call {}: 422 without Min-SE", callId());
            }
            refresh();
        } else if (Request.UPDATE.equals(cseq.getMethod()) && peerAllowsUpdate && listener.refreshOffer() != null) {
            // a peer that refuses UPDATE (501, 405) gets re-INVITEs from now on
            peerAllowsUpdate = false;
            refresh();
        } else {
            // Refused for another reason: asking again at once would only repeat it. The session runs to its
            // expiry, when the call is hung up unless the peer refreshed it meanwhile.
            log.info("outgoing call {}: session refresh by {} refused with {}", callId(), cseq.getMethod(), code);
        }
    }

    /**
     * Answers the peer's re-INVITE or UPDATE as a session refresh: 422 when its Session-Expires is below our
     * Min-SE, else 200 with our Contact, the agreed interval and {@code sdp} (the unchanged description, for a
     * re-INVITE; null for none). The owner checks the state and the offer first.
     */
    public void answerRefresh(ServerTransaction tx, Request request, String sdp) throws Exception {
        synchronized (lock) {
            if (!acceptRefresh(tx, request)) {
                return;
            }
            Response r = sip.messages().createResponse(Response.OK, request);
            r.addHeader(contact());
            if (sdp != null && Request.INVITE.equals(request.getMethod())) {
                r.setContent(sdp, sdpType());
            }
            refreshAnswered(r);
            tx.sendResponse(r);
        }
    }

    /**
     * The first half of taking the peer's refresh when the owner answers it later (a B2BUA relays a re-INVITE to the
     * other leg first): false, with 422 and our Min-SE sent, when its interval is too short; else the interval and
     * refresher it asks for are taken. {@link #refreshAnswered} then goes on the 2xx.
     */
    public boolean acceptRefresh(ServerTransaction tx, Request request) throws Exception {
        synchronized (lock) {
            Header h = request.getHeader("Session-Expires");
            if (h == null) {
                h = request.getHeader("x");
            }
            if (h == null || timers == null) {
                return true;
            }
            try {
                SessionExpires se = SessionExpires.parse(SipHeaderText.value(h));
                if (se.seconds() < minSe) {
                    Response r = sip.messages().createResponse(SESSION_INTERVAL_TOO_SMALL, request);
                    r.setHeader(sip.headers().createHeader("Min-SE", String.valueOf(minSe)));
                    tx.sendResponse(r);
                    return false;
                }
                sessionSeconds = se.seconds();
                // the peer sent the refresh: unless it names us, it stays the refresher (RFC 4028 9)
                weRefresh = "uas".equals(se.refresher());
            } catch (SessionTimerParseException e) {
                log.debug("outgoing call {}: peer refresh's Session-Expires ignored: {}", callId(), e.getMessage());
            }
            return true;
        }
    }

    /** The 2xx to the peer's refresh: says the agreed interval and who refreshes, and restarts the session's clock. */
    public void refreshAnswered(Response ok) throws Exception {
        synchronized (lock) {
            if (sessionSeconds <= 0) {
                return;
            }
            ok.addHeader(sip.headers().createHeader("Require", "timer"));
            ok.setHeader(sip.headers().createHeader("Session-Expires",
                    sessionSeconds + ";refresher=" + (weRefresh ? "uas" : "uac")));
            refreshes++;
            refreshed();
        }
    }

    private void expired(Instant armedAt) {
        synchronized (lock) {
            if (state == State.ANSWERED && armedAt.equals(refreshedAt)) {
                dead("no session refresh within " + sessionSeconds + " s");
            }
        }
    }

    private void dead(String why) {
        log.warn("outgoing call {}: session expired ({}), hanging up", callId(), why);
        sendBye(dialog);
        ended();
        try {
            listener.expired(why);
        } catch (RuntimeException e) {
            log.warn("outgoing call listener failed", e);
        }
    }

    private void sessionHeaders(Request r, int seconds, int min) throws Exception {
        r.setHeader(sip.headers().createHeader("Session-Expires", seconds + ";refresher=uac"));
        r.setHeader(sip.headers().createHeader("Min-SE", String.valueOf(min)));
    }

    // --- sending ---

    private void send(Request request) throws Exception {
        ClientTransaction ct = sip.provider().getNewClientTransaction(request);
        ct.setApplicationData(this);
        inviteTx = ct;
        ct.sendRequest();
    }

    private void sendCancel() {
        try {
            ClientTransaction ct = sip.provider().getNewClientTransaction(inviteTx.createCancel());
            ct.setApplicationData(this);
            ct.sendRequest();
        } catch (Exception e) {
            log.warn("outgoing call {}: could not send CANCEL", callId(), e);
        }
    }

    private void sendBye(Dialog d) {
        if (d == null) {
            return;
        }
        try {
            Request bye = d.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            ct.setApplicationData(this);
            d.sendRequest(ct);
        } catch (Exception e) {
            log.warn("outgoing call {}: could not send BYE", callId(), e);
        }
    }

    private void ackAndBye(Dialog d, long cseq) {
        try {
            d.sendAck(d.createAck(cseq));
        } catch (Exception e) {
            log.debug("could not ACK a late 2xx: {}", e.toString());
        }
        sendBye(d);
    }

    private ViaHeader via() throws Exception {
        return addressing.via();
    }

    /** Our Contact on this leg, as its INVITE and every answer we give on it carry. */
    public ContactHeader contact() throws Exception {
        return addressing.contact(contactUser);
    }

    private ContentTypeHeader sdpType() throws Exception {
        return sip.headers().createContentTypeHeader("application", "sdp");
    }

    private String callId() {
        return invite == null ? "?" : ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static boolean allows(Message m, String method) {
        for (ListIterator<?> it = m.getHeaders("Allow"); it.hasNext(); ) {
            for (String part : SipHeaderText.value((Header) it.next()).split(",")) {
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
}
