package io.earpiece.sip.uas;

import io.earpiece.sip.timer.UasSessionTimers;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPDialogEventListener;
import io.earpiece.sip.access.BotLegGate;
import io.earpiece.sip.access.Refusals;
import io.earpiece.sip.call.CallController;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegRejectedException;
import io.earpiece.sip.sdp.AnswerBuilder;
import io.earpiece.sip.sdp.SdpFormatter;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.server.ServerTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The user-agent server: answers INVITEs with negotiated SDP and tracks each leg through ACK, re-INVITE,
 * CANCEL and BYE, telling the {@link CallController}. {@code open()} runs on the answering executor so that
 * a CANCEL can be handled while media is being opened.
 */
public final class UasListener implements SipListenerExt {
    private static final Logger log = LoggerFactory.getLogger(UasListener.class);
    /** Seconds a busy gateway asks callers to wait; calls are minutes long, so a short retry is cheap. */
    static final int BUSY_RETRY_AFTER_S = 5;
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "REFER",
            "INFO", "UPDATE", "PRACK", "MESSAGE", "PUBLISH");

    private final SipProvider provider;
    private final Responder responder;
    private final ServerTransactions transactions;
    private final CallController controller;
    private final LegRegistry legs;
    private final Executor answering;
    private final String rejectHeader;
    private final String advertisedHost;
    private final BotLegGate gate;
    private final Refusals refusals;
    private final SecureRandom random = new SecureRandom();
    private final InviteReader reader;
    private final AnswerBuilder answers = new AnswerBuilder("earpiece");
    private final SdpFormatter formatter = new SdpFormatter();
    private volatile UasSessionTimers timers;

    UasListener(SipProvider provider, Responder responder, ServerTransactions transactions, CallController controller,
                LegRegistry legs,
                Executor answering, String rejectHeader, String advertisedHost, BotLegGate gate, Refusals refusals) {
        this.provider = provider;
        this.responder = responder;
        this.transactions = transactions;
        this.controller = controller;
        this.legs = legs;
        this.answering = answering;
        this.rejectHeader = rejectHeader;
        this.advertisedHost = advertisedHost;
        this.gate = gate;
        this.refusals = refusals;
        this.reader = new InviteReader(new SdesNegotiator(random), gate.access().srtp());
    }

    /** Builds the listener and its leg bookkeeping for one provider. */
    public static UasListener create(SipProvider provider, javax.sip.message.MessageFactory messages,
                                     javax.sip.header.HeaderFactory headers, javax.sip.address.AddressFactory addresses,
                                     String advertisedHost, ContactPorts ports, String userAgent, int maxCalls,
                                     CallController controller, Executor answering, String rejectHeader,
                                     BotLegGate gate, Refusals refusals)
            throws ParseException {
        Responder responder = new Responder(provider, messages, headers, addresses, advertisedHost, ports, userAgent);
        return new UasListener(provider, responder,
                new ServerTransactions(provider, messages, headers, userAgent), controller,
                new LegRegistry(maxCalls, gate.access().maxCallsPerSource()), answering, rejectHeader,
                advertisedHost, gate, refusals);
    }

    /** Agrees RFC 4028 session timers with callers that ask (none before this is called). */
    public void sessionTimers(io.earpiece.sip.timer.SessionTimerConfig config,
                              java.util.concurrent.ScheduledExecutorService scheduler) {
        this.timers = new UasSessionTimers(config, scheduler);
    }

    /** Legs between INVITE and their end. */
    public int activeLegs() {
        return legs.size();
    }

    /** Ends a leg from our side: BYE when answered, 480 while still being answered. */
    public void hangup(String legId) {
        Leg leg = legs.get(legId);
        if (leg == null) {
            log.debug("hangup of unknown leg {}", legId);
            return;
        }
        synchronized (leg) {
            switch (leg.state) {
                case PROCEEDING -> {
                    if (leg.abortReason == null) {
                        leg.abortReason = EndReason.LOCAL_HANGUP;
                        reject(leg.invite, leg.invite.getRequest(), Response.TEMPORARILY_UNAVAILABLE,
                                "Hung up before answer", 0, leg.localTag);
                    }
                }
                case ANSWERED, ESTABLISHED -> {
                    sendBye(leg);
                    finish(leg, EndReason.LOCAL_HANGUP);
                }
                case ENDED -> {
                }
            }
        }
    }

    /** Hangs up every leg, for shutdown. */
    public void hangupAll() {
        for (Leg leg : legs.snapshot()) {
            hangup(leg.id);
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            if (request.getHeader(rejectHeader) != null) {
                rejectMalformed(request);
                return;
            }
            switch (method) {
                case Request.INVITE -> {
                    if (ServerTransactions.toTag(request) == null) {
                        newInvite(event);
                    } else {
                        reInvite(event);
                    }
                }
                case Request.ACK -> ack(event);
                case Request.BYE -> bye(event);
                case Request.CANCEL -> cancel(event);
                case Request.OPTIONS -> options(event);
                default -> unsupported(event);
            }
        } catch (Exception e) {
            log.warn("failed to handle {} of call {}", method, SipText.callId(request), e);
            if (!Request.ACK.equals(method)) {
                replyStatelessly(request, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private void replyStatelessly(Request request, int status) {
        try {
            responder.sendStateless(responder.create(request, status, null, null));
        } catch (Exception e) {
            log.debug("could not send {} statelessly: {}", status, e.toString());
        }
    }

    private void newInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        String source = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
        if (!gate.admit(tx, request, source)) {
            return;
        }
        responder.send(tx, responder.create(request, Response.TRYING, null, null));
        String tag = ServerTransactions.newTag();
        InviteReader.Accepted accepted;
        try {
            accepted = reader.read(request);
        } catch (InviteRejection r) {
            log.info("rejecting INVITE {}: {} {}", SipText.callId(request), r.status, r.getMessage());
            reject(tx, request, r.status, r.getMessage(), 0, tag);
            return;
        }
        int sessionSeconds;
        try {
            sessionSeconds = agreeSessionTimer(tx, request, tag);
        } catch (InviteRejection r) {
            return;
        }
        Leg leg = new Leg(accepted.offer(), accepted.negotiation(), tx, tag, random.nextInt(Integer.MAX_VALUE),
                source);
        leg.sessionSeconds = sessionSeconds;
        switch (legs.admit(leg)) {
            case FULL -> {
                reject(tx, request, Response.SERVICE_UNAVAILABLE, "Too many calls", BUSY_RETRY_AFTER_S, tag);
                return;
            }
            case SOURCE_FULL -> {
                // 503, not 486: the callee is not busy, this server will not take more from this source now, and
                // RFC 3261 21.5.4 lets a dialer with several Earpiece servers try another one.
                refusals.refused(Refusals.Reason.SOURCE_QUOTA, request.getMethod(), source,
                        "already holds " + legs.fromSource(leg.source) + " legs (earpiece.sip.bot.max-calls-per-source)");
                reject(tx, request, Response.SERVICE_UNAVAILABLE, "Too many calls from your address",
                        BUSY_RETRY_AFTER_S, tag);
                return;
            }
            case DUPLICATE -> {
                reject(tx, request, Response.LOOP_DETECTED, "Call-ID already in use", 0, tag);
                return;
            }
            case ADMITTED -> {
            }
        }
        try {
            answering.execute(() -> answer(leg, accepted.sdp()));
        } catch (RejectedExecutionException e) {
            synchronized (leg) {
                leg.state = Leg.State.ENDED;
                legs.remove(leg);
                reject(tx, request, Response.SERVICE_UNAVAILABLE, "Shutting down", BUSY_RETRY_AFTER_S, tag);
            }
        }
    }

    private void answer(Leg leg, SessionDescription offer) {
        Request request = leg.invite.getRequest();
        LegMedia media;
        try {
            media = controller.open(leg.offer);
        } catch (LegRejectedException e) {
            abandon(leg, e.status(), e.getMessage(), e.retryAfterSeconds());
            return;
        } catch (RuntimeException e) {
            log.warn("controller failed to open leg {}", leg.id, e);
            abandon(leg, Response.SERVER_INTERNAL_ERROR, "Media unavailable", 0);
            return;
        }
        synchronized (leg) {
            leg.opened = true;
            leg.media = media;
            if (leg.abortReason != null) {
                finish(leg, leg.abortReason);
                return;
            }
            try {
                leg.sdpVersion = 1;
                leg.lastOffer = offer;
                Response ok = responder.withSdp(request, responder.create(request, Response.OK, null, leg.localTag),
                        answerSdp(leg, offer));
                sessionTimerHeaders(leg, ok);
                leg.state = Leg.State.ANSWERED;
                leg.dialog = leg.invite.getDialog();
                if (leg.dialog instanceof SIPDialog d && provider instanceof SIPDialogEventListener p) {
                    // Dialogs the stack creates by itself do not report ACK timeouts to the provider;
                    // without this, processDialogTimeout never fires and an unacknowledged leg lingers.
                    d.addEventListener(p);
                }
                responder.send(leg.invite, ok);
                armSessionTimer(leg);
            } catch (Exception e) {
                log.warn("could not answer leg {}", leg.id, e);
                finish(leg, EndReason.FAILED);
            }
        }
    }

    private void abandon(Leg leg, int status, String reason, int retryAfter) {
        synchronized (leg) {
            if (leg.abortReason == null && leg.state == Leg.State.PROCEEDING) {
                int code = status >= 300 && status <= 699 ? status : Response.SERVER_INTERNAL_ERROR;
                reject(leg.invite, leg.invite.getRequest(), code, reason, retryAfter, leg.localTag);
            }
            leg.state = Leg.State.ENDED;
            legs.remove(leg);
        }
    }

    private String answerSdp(Leg leg, SessionDescription offer) {
        return formatter.format(answers.answer(offer, leg.negotiation, advertisedHost, leg.media.local().getPort(),
                leg.sessionId, leg.sdpVersion));
    }

    private void ack(RequestEvent event) {
        Leg leg = legs.get(SipText.callId(event.getRequest()));
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            if (leg.state == Leg.State.ANSWERED) {
                leg.state = Leg.State.ESTABLISHED;
                notifyEstablished(leg);
            }
        }
    }

    private void notifyEstablished(Leg leg) {
        try {
            controller.established(leg.id);
        } catch (RuntimeException e) {
            log.warn("controller failed on established({})", leg.id, e);
        }
    }

    private void bye(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Leg leg = legs.get(SipText.callId(request));
        if (leg == null || event.getDialog() == null) {
            responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
            return;
        }
        // The 200 ends the dialog, and the stack reports that on another thread (over TCP, sipp closing the
        // connection right after the 200 does too): the BYE is recorded first so that report cannot win the race
        // and end the leg as FAILED.
        synchronized (leg) {
            leg.byeReceived = true;
        }
        responder.send(tx, responder.create(request, Response.OK, null, null));
        synchronized (leg) {
            finish(leg, EndReason.REMOTE_BYE);
        }
    }

    private void cancel(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Leg leg = legs.get(SipText.callId(request));
        if (leg == null) {
            responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
            return;
        }
        responder.send(tx, responder.create(request, Response.OK, null, null));
        synchronized (leg) {
            if (leg.state == Leg.State.PROCEEDING && leg.abortReason == null) {
                leg.abortReason = EndReason.CANCELLED;
                reject(leg.invite, leg.invite.getRequest(), Response.REQUEST_TERMINATED, null, 0, leg.localTag);
            }
        }
    }

    private void options(RequestEvent event) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx != null) {
            responder.send(tx, responder.withCapabilities(
                    responder.create(event.getRequest(), Response.OK, null, ServerTransactions.toTag(event.getRequest()) == null
                            ? ServerTransactions.newTag() : null)));
        }
    }

    private void unsupported(RequestEvent event) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Request request = event.getRequest();
        if (KNOWN_UNSUPPORTED.contains(request.getMethod())) {
            responder.send(tx, responder.withCapabilities(
                    responder.create(request, Response.METHOD_NOT_ALLOWED, null, null)));
        } else {
            responder.send(tx, responder.create(request, Response.NOT_IMPLEMENTED, null, null));
        }
    }

    private void reInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        Leg leg = legs.get(SipText.callId(request));
        if (leg == null || event.getDialog() == null) {
            responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
            return;
        }
        synchronized (leg) {
            if (leg.state == Leg.State.ANSWERED) {
                // The ACK is racing this re-INVITE on another thread; a re-INVITE proves our 200 arrived.
                leg.state = Leg.State.ESTABLISHED;
                notifyEstablished(leg);
            }
            if (leg.state != Leg.State.ESTABLISHED) {
                responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null,
                        null));
                return;
            }
            if (refreshSessionTimer(tx, request, leg)) {
                return;
            }
            byte[] body = request.getRawContent();
            if (body == null || body.length == 0) {
                // An offer-less re-INVITE asks us to offer: repeat what we last answered.
                leg.sdpVersion++;
                Response ok = responder.withSdp(request, responder.create(request, Response.OK, null, null),
                        answerSdp(leg, leg.lastOffer));
                sessionTimerHeaders(leg, ok);
                responder.send(tx, ok);
                armSessionTimer(leg);
                return;
            }
            InviteReader.Negotiated n;
            try {
                n = reader.readOffer(request, leg.negotiation);
            } catch (InviteRejection r) {
                // A failed re-INVITE leaves the session as it was (RFC 3261 14.2).
                reject(tx, request, r.status, r.getMessage(), 0, null);
                return;
            }
            leg.negotiation = n.negotiation();
            leg.lastOffer = n.sdp();
            leg.sdpVersion++;
            Response ok = responder.withSdp(request, responder.create(request, Response.OK, null, null),
                    answerSdp(leg, n.sdp()));
            sessionTimerHeaders(leg, ok);
            responder.send(tx, ok);
            armSessionTimer(leg);
            try {
                controller.remoteChanged(leg.id, InviteReader.remote(n.negotiation()), n.negotiation().codec(),
                        n.negotiation().onHold(), n.negotiation().srtp());
            } catch (RuntimeException e) {
                log.warn("controller failed on remoteChanged({})", leg.id, e);
            }
        }
    }

    /**
     * The interval to agree with a new INVITE (0: none). A too short one is answered 422 with our Min-SE, an
     * unreadable one 400 with the reason; both end the INVITE (thrown as a rejection already sent).
     */
    private int agreeSessionTimer(ServerTransaction tx, Request request, String tag) throws InviteRejection {
        UasSessionTimers t = timers;
        if (t == null) {
            return 0;
        }
        try {
            return t.agree(request);
        } catch (UasSessionTimers.TooSmall e) {
            sessionIntervalTooSmall(tx, request, tag, e.minSe);
            throw new InviteRejection(422, e.getMessage());
        } catch (io.earpiece.sip.timer.SessionTimerParseException e) {
            reject(tx, request, Response.BAD_REQUEST, "Bad Session-Expires: " + e.getMessage(), 0, tag);
            throw new InviteRejection(Response.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * A refresh re-INVITE whose interval is too short or unreadable is refused (true: answered) and leaves the
     * session as it was; otherwise the leg takes its interval (0 if it no longer asks for timers).
     */
    private boolean refreshSessionTimer(ServerTransaction tx, Request request, Leg leg) {
        UasSessionTimers t = timers;
        if (t == null) {
            return false;
        }
        try {
            leg.sessionSeconds = t.agree(request);
            return false;
        } catch (UasSessionTimers.TooSmall e) {
            sessionIntervalTooSmall(tx, request, null, e.minSe);
            return true;
        } catch (io.earpiece.sip.timer.SessionTimerParseException e) {
            reject(tx, request, Response.BAD_REQUEST, "Bad Session-Expires: " + e.getMessage(), 0, null);
            return true;
        }
    }

    private void sessionIntervalTooSmall(ServerTransaction tx, Request request, String tag, int minSe) {
        try {
            Response r = responder.create(request, 422, "Session Interval Too Small", tag);
            r.setHeader(responder.headers().createHeader("Min-SE", String.valueOf(minSe)));
            responder.send(tx, r);
        } catch (Exception e) {
            log.warn("could not send 422 for call {}", SipText.callId(request), e);
        }
    }

    /** The 2xx of an agreed interval says so: the caller refreshes (RFC 4028 9). */
    private void sessionTimerHeaders(Leg leg, Response ok) throws ParseException {
        if (leg.sessionSeconds > 0) {
            ok.addHeader(responder.headers().createHeader("Require", "timer"));
            ok.setHeader(responder.headers().createHeader("Session-Expires", leg.sessionSeconds + ";refresher=uac"));
        }
    }

    /** (Re-)arms the leg's expiry watch after a 2xx that agreed an interval; the caller holds the leg's monitor. */
    private void armSessionTimer(Leg leg) {
        UasSessionTimers t = timers;
        if (leg.sessionWatch != null) {
            leg.sessionWatch.cancel(false);
            leg.sessionWatch = null;
        }
        if (t == null || leg.sessionSeconds <= 0) {
            return;
        }
        int seconds = leg.sessionSeconds;
        leg.sessionWatch = t.watch(seconds, () -> {
            synchronized (leg) {
                if (leg.state == Leg.State.ANSWERED || leg.state == Leg.State.ESTABLISHED) {
                    log.warn("leg {}: no session refresh within {} s, hanging up a dead peer", leg.id, seconds);
                    sendBye(leg);
                    finish(leg, EndReason.FAILED);
                }
            }
        });
    }

    private void rejectMalformed(Request request) {
        Header marker = request.getHeader(rejectHeader);
        String verdict = marker instanceof ExtensionHeader e ? e.getValue() : "400 Bad Request";
        int status = Response.BAD_REQUEST;
        String reason = verdict;
        int space = verdict.indexOf(' ');
        if (space == 3 && verdict.substring(0, 3).chars().allMatch(Character::isDigit)) {
            status = Integer.parseInt(verdict.substring(0, 3));
            reason = verdict.substring(4);
        }
        try {
            Response r = responder.create(request, status, reason, null);
            responder.sendStateless(r);
        } catch (Exception e) {
            log.debug("could not answer malformed request: {}", e.toString());
        }
    }

    private void reject(ServerTransaction tx, Request request, int status, String reason, int retryAfter,
                        String tag) {
        try {
            Response r = responder.create(request, status, reason, tag);
            responder.withRetryAfter(r, retryAfter);
            if (status == Response.NOT_ACCEPTABLE_HERE) {
                r.addHeader(responder.headers().createWarningHeader(advertisedHost, 305, "Incompatible media format"));
            } else if (status == Response.UNSUPPORTED_MEDIA_TYPE) {
                responder.withCapabilities(r);
            }
            responder.send(tx, r);
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            log.warn("could not send {} for call {}", status, SipText.callId(request), e);
        }
    }

    /** Ends a leg once; the caller holds the leg's monitor. */
    private void finish(Leg leg, EndReason reason) {
        if (leg.state == Leg.State.ENDED) {
            return;
        }
        leg.state = Leg.State.ENDED;
        legs.remove(leg);
        if (leg.sessionWatch != null) {
            leg.sessionWatch.cancel(false);
        }
        if (leg.opened) {
            try {
                controller.ended(leg.id, reason);
            } catch (RuntimeException e) {
                log.warn("controller failed on ended({}, {})", leg.id, reason, e);
            }
        }
    }

    private void sendBye(Leg leg) {
        Dialog dialog = leg.dialog;
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            bye.setHeader(responder.headers().createUserAgentHeader(java.util.List.of(responder.userAgent())));
            ClientTransaction ct = provider.getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (SipException | ParseException | RuntimeException e) {
            log.warn("could not send BYE for leg {}", leg.id, e);
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        Dialog dialog = event.getDialog();
        if (event.getReason() != DialogTimeoutEvent.Reason.AckNotReceived || dialog == null) {
            log.debug("dialog timeout {} ignored", event.getReason());
            return;
        }
        Leg leg = legs.get(dialog.getCallId().getCallId());
        if (leg == null) {
            dialog.delete();
            return;
        }
        synchronized (leg) {
            if (leg.state == Leg.State.ANSWERED) {
                log.info("no ACK for leg {}; ending it", leg.id);
                // RFC 3261 13.3.1.4: a 2xx never acknowledged confirms the dialog, which is then ended with BYE.
                sendBye(leg);
                finish(leg, EndReason.FAILED);
            }
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        Dialog dialog = event.getDialog();
        Leg leg = legs.get(dialog.getCallId().getCallId());
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            if (leg.dialog == dialog) {
                finish(leg, leg.byeReceived ? EndReason.REMOTE_BYE : EndReason.FAILED);
            }
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // Only our BYEs get responses, and nothing depends on them.
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        log.debug("transaction timeout ({})", event.getTimeout());
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.warn("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Transactions end on their own; legs are tracked by dialog and Call-ID.
    }
}
