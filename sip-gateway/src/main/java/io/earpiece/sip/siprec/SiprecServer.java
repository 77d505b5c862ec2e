package io.earpiece.sip.siprec;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPDialogEventListener;
import io.earpiece.sip.RequestHandler;
import io.earpiece.sip.access.BotLegGate;
import io.earpiece.sip.call.CallController;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.LegRejectedException;
import io.earpiece.sip.call.Party;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpFormatter;
import io.earpiece.sip.server.ServerTransactions;
import io.earpiece.sip.uas.Responder;
import io.earpiece.sip.uas.SipText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIPREC Session Recording Server (RFC 7866): the third kind of leg beside bot legs and the B2BUA. It takes the
 * INVITEs whose body has a {@code recording-session} part, answers each offered stream {@code recvonly}, and turns
 * each recorded stream into a leg of one call (rep, customer or mixed) through the same {@link CallController} as
 * bot legs, so it is recorded, transcribed, assisted and summarised like any call. ACK, BYE, CANCEL, re-INVITE and
 * UPDATE (pause and resume with {@code a=inactive}) of its dialogs are handled here; anything else falls through.
 */
public final class SiprecServer implements RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(SiprecServer.class);
    private static final int BUSY_RETRY_AFTER_S = 5;
    private static final InetAddress UNSPECIFIED = unspecified();
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";

    private final SipProvider provider;
    private final Responder responder;
    private final ServerTransactions transactions;
    private final CallController controller;
    private final Executor answering;
    private final BotLegGate gate;
    private final PartyResolver parties;
    private final String advertisedHost;
    private final String rejectHeader;
    private final int maxSessions;
    private final RecordingOfferReader reader;
    private final RecordingAnswerBuilder answers = new RecordingAnswerBuilder("earpiece");
    private final SdpFormatter formatter = new SdpFormatter();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RecordingSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, RecordingSession> byLeg = new ConcurrentHashMap<>();

    public SiprecServer(SipProvider provider, Responder responder, ServerTransactions transactions,
                        CallController controller, Executor answering,
                        BotLegGate gate, SiprecConfig config, String advertisedHost, String rejectHeader,
                        int maxSessions) {
        this.provider = provider;
        this.responder = responder;
        this.transactions = transactions;
        this.controller = controller;
        this.answering = answering;
        this.gate = gate;
        this.parties = new PartyResolver(config);
        // SIPREC clients are admitted as bot legs are, so their streams follow the bot legs' SRTP policy.
        this.reader = new RecordingOfferReader(new SdesNegotiator(random), gate.access().srtp());
        this.advertisedHost = advertisedHost;
        this.rejectHeader = rejectHeader;
        this.maxSessions = maxSessions;
        reader.warmUp();
    }

    /** Recording sessions between INVITE and end. */
    public int activeSessions() {
        return sessions.size();
    }

    /** Whether a leg id is one of this server's recorded streams. */
    public boolean owns(String legId) {
        return byLeg.containsKey(legId);
    }

    @Override
    public boolean handle(RequestEvent event) {
        Request request = event.getRequest();
        if (request.getHeader(rejectHeader) != null) {
            return false; // malformed: the user-agent server answers it with the parser's verdict
        }
        String method = request.getMethod();
        try {
            if (Request.INVITE.equals(method) && ServerTransactions.toTag(request) == null) {
                return newInvite(event);
            }
            RecordingSession session = sessions.get(SipText.callId(request));
            if (session == null) {
                return false;
            }
            switch (method) {
                case Request.ACK -> ack(session);
                case Request.BYE -> bye(event, session);
                case Request.CANCEL -> cancel(event, session);
                case Request.INVITE, Request.UPDATE -> change(event, session);
                default -> {
                    return false; // OPTIONS pings and the rest: answered as for any leg
                }
            }
        } catch (Exception e) {
            log.warn("SIPREC: failed to handle {} of {}", method, SipText.callId(request), e);
        }
        return true;
    }

    private boolean newInvite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        String contentType = contentType(request);
        if (!RecordingOfferReader.isMultipart(contentType)) {
            return false;
        }
        if (!RecordingOfferReader.mayBeRecordingSession(contentType, request.getRawContent())) {
            return false; // multipart without a recording-session part: not ours (the user-agent server says 415)
        }
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return true;
        }
        String source = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
        if (!gate.admit(tx, request, source)) {
            return true;
        }
        String tag = ServerTransactions.newTag();
        // 100 before parsing, so the client stops retransmitting while the offer is read.
        responder.send(tx, responder.create(request, Response.TRYING, null, null));
        Optional<RecordingOffer> offer;
        try {
            offer = reader.read(contentType, request.getRawContent(), Map.of(),
                    ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        } catch (RecordingRejection r) {
            log.info("SIPREC: rejecting {}: {} {}", SipText.callId(request), r.status(), r.getMessage());
            reject(tx, request, r.status(), r.getMessage(), 0, tag);
            return true;
        }
        if (offer.isEmpty()) {
            // "recording-session" appeared in the body but not as a part's disposition.
            reject(tx, request, Response.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type: multipart body without a recording-session part", 0, tag);
            return true;
        }
        String callId = SipText.callId(request);
        RecordingSession session = new RecordingSession(callId, tx, tag, random.nextInt(Integer.MAX_VALUE),
                source == null ? "" : source, offer.get());
        if (sessions.size() >= maxSessions) {
            reject(tx, request, Response.SERVICE_UNAVAILABLE, "Too many calls", BUSY_RETRY_AFTER_S, tag);
            return true;
        }
        if (sessions.putIfAbsent(callId, session) != null) {
            reject(tx, request, Response.LOOP_DETECTED, "Call-ID already in use", 0, tag);
            return true;
        }
        try {
            answering.execute(() -> answer(session, request));
        } catch (RejectedExecutionException e) {
            sessions.remove(callId);
            reject(tx, request, Response.SERVICE_UNAVAILABLE, "Shutting down", BUSY_RETRY_AFTER_S, tag);
        }
        return true;
    }

    private void answer(RecordingSession session, Request request) {
        List<StreamParty> resolved;
        try {
            // Off the SIP threads: telling reps apart may ask the user directory.
            resolved = parties.resolve(session.offer);
        } catch (RecordingRejection | RuntimeException e) {
            int status = e instanceof RecordingRejection r ? r.status() : Response.SERVER_INTERNAL_ERROR;
            log.info("SIPREC: rejecting {}: {} {}", session.callId, status, e.getMessage());
            synchronized (session) {
                if (!session.aborted) {
                    reject(session.invite, request, status, e.getMessage(), 0, session.localTag);
                }
                finish(session, EndReason.FAILED);
            }
            return;
        }
        String from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
        String to = ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
        String[] ends = PartyResolver.fromAndTo(session.offer.metadata(), from, to);
        List<RecordingSession.StreamLeg> opened = new ArrayList<>();
        for (StreamParty p : resolved) {
            OfferedStream s = session.offer.stream(p.label()).orElseThrow();
            try {
                opened.add(open(session, p, s, ends));
            } catch (LegRejectedException | RuntimeException e) {
                int status = e instanceof LegRejectedException r ? r.status() : Response.SERVER_INTERNAL_ERROR;
                int retry = e instanceof LegRejectedException r ? r.retryAfterSeconds() : 0;
                log.warn("SIPREC {}: stream {} not opened: {}", session.callId, p.label(), e.getMessage());
                synchronized (session) {
                    opened.forEach(l -> session.legs.put(l.label, l));
                    if (session.state == RecordingSession.State.PROCEEDING && !session.aborted) {
                        reject(session.invite, request, status >= 300 && status < 700 ? status : 500,
                                e.getMessage() == null ? "Media unavailable" : e.getMessage(), retry, session.localTag);
                    }
                    finish(session, EndReason.FAILED);
                }
                return;
            }
        }
        report(session, resolved);
        synchronized (session) {
            opened.forEach(l -> session.legs.put(l.label, l));
            if (session.aborted) {
                finish(session, EndReason.CANCELLED);
                return;
            }
            try {
                Response ok = okWithAnswer(request, session, session.localTag);
                session.state = RecordingSession.State.ANSWERED;
                session.dialog = session.invite.getDialog();
                if (session.dialog instanceof SIPDialog d && provider instanceof SIPDialogEventListener l) {
                    // Dialogs the stack creates itself do not report ACK timeouts unless the provider listens.
                    d.addEventListener(l);
                }
                responder.send(session.invite, ok);
            } catch (Exception e) {
                log.warn("SIPREC {}: could not answer", session.callId, e);
                finish(session, EndReason.FAILED);
            }
        }
    }

    /** Opens the leg of one recorded stream; the caller adds it to the session. */
    private RecordingSession.StreamLeg open(RecordingSession session, StreamParty p, OfferedStream s, String[] ends)
            throws LegRejectedException {
        String legId = session.callId + "/" + p.label();
        InetSocketAddress remote = remote(s, session.source);
        LegOffer legOffer = new LegOffer(legId, ends[0], ends[1], session.callId, p.party(), remote,
                s.negotiation().codec(), s.negotiation().telephoneEventPt(), s.negotiation().srtp(), p.stream(),
                LegOffer.transportOf(session.invite.getRequest()));
        LegMedia media = controller.open(legOffer);
        RecordingSession.StreamLeg leg = new RecordingSession.StreamLeg(legId, p.label(), p.party(), p.stream(),
                media.local().getPort(), s.negotiation().codec(), s.negotiation().srtp(), remote, s.paused());
        byLeg.put(legId, session);
        log.info("SIPREC {} stream {} -> {} ({}; senders {})", session.callId, p.label(), p.partyLabel(),
                p.why(), p.senders().stream().map(Participant::aor).toList());
        return leg;
    }

    /**
     * Opens legs for the streams of a re-INVITE or UPDATE that the session does not record yet (a participant joined
     * on a stream of its own), each as a further stream of its party, numbered on from {@code counts}. Runs off the
     * SIP threads and outside the session's monitor: telling reps apart may ask the user directory and opening a leg
     * stores it. One that cannot be opened is answered with port 0; the rest of the session goes on.
     */
    private List<RecordingSession.StreamLeg> openAdded(RecordingSession session, RecordingOffer offer,
                                                       List<OfferedStream> streams, Map<Party, Integer> counts,
                                                       Request request) {
        List<RecordingSession.StreamLeg> added = new ArrayList<>();
        String[] ends = PartyResolver.fromAndTo(offer.metadata(), uri(request, FromHeader.NAME),
                uri(request, ToHeader.NAME));
        for (OfferedStream s : streams) {
            try {
                StreamParty p = parties.further(offer.metadata(), s.label());
                p = p.numbered(counts.merge(p.party(), 1, Integer::sum));
                added.add(open(session, p, s, ends));
            } catch (LegRejectedException | RuntimeException e) {
                log.warn("SIPREC {}: added stream {} not opened: {}", session.callId, s.label(), e.getMessage());
            }
        }
        return added;
    }

    private static String uri(Request request, String header) {
        javax.sip.header.HeaderAddress h = (javax.sip.header.HeaderAddress) request.getHeader(header);
        return h == null ? null : h.getAddress().getURI().toString();
    }

    /** Tells the controller who is in the recorded call and which party each is heard in. */
    private void report(RecordingSession session, List<StreamParty> resolved) {
        try {
            controller.recordingInfo(session.callId, RecordingInfos.of(session.offer.metadata(), resolved));
        } catch (RuntimeException e) {
            log.warn("controller failed on recordingInfo({})", session.callId, e);
        }
    }

    private Response okWithAnswer(Request request, RecordingSession session, String tag) throws Exception {
        String sdp = formatter.format(answers.answer(session.offer, session.ports(), advertisedHost,
                session.sdpSessionId, session.sdpVersion));
        Response ok = responder.withSdp(request, responder.create(request, Response.OK, null, tag), sdp);
        ok.setHeader(responder.headers().createAllowHeader(ALLOW));
        return ok;
    }

    private void ack(RecordingSession session) {
        synchronized (session) {
            if (session.state == RecordingSession.State.ANSWERED) {
                session.state = RecordingSession.State.ESTABLISHED;
                for (RecordingSession.StreamLeg leg : session.legs.values()) {
                    try {
                        controller.established(leg.legId);
                    } catch (RuntimeException e) {
                        log.warn("controller failed on established({})", leg.legId, e);
                    }
                }
            }
        }
    }

    private void bye(RequestEvent event, RecordingSession session) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        // Ended before the 200: over TCP the client may close the connection as soon as the 200 is out, which makes
        // the send throw after writing it and the stack report the dialog over (FAILED) on another thread.
        synchronized (session) {
            finish(session, EndReason.REMOTE_BYE);
        }
        responder.send(tx, responder.create(event.getRequest(), Response.OK, null, null));
    }

    private void cancel(RequestEvent event, RecordingSession session) throws Exception {
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        responder.send(tx, responder.create(event.getRequest(), Response.OK, null, null));
        synchronized (session) {
            if (session.state == RecordingSession.State.PROCEEDING && !session.aborted) {
                session.aborted = true;
                reject(session.invite, session.invite.getRequest(), Response.REQUEST_TERMINATED, null, 0,
                        session.localTag);
            }
        }
    }

    /**
     * A re-INVITE or UPDATE: new SDP (pause, resume, new address, added streams) and maybe new metadata. Answered
     * off the SIP threads as the first INVITE is: an added stream is a new leg, whose opening stores it, and a slow
     * database must not hold up the stack (other calls' requests, this dialog's BYE and OPTIONS).
     */
    private void change(RequestEvent event, RecordingSession session) throws Exception {
        Request request = event.getRequest();
        ServerTransaction tx = transactions.of(event);
        if (tx == null) {
            return;
        }
        boolean invite = Request.INVITE.equals(request.getMethod());
        if (invite) {
            // At once, so the client stops retransmitting while an added stream is opened.
            responder.send(tx, responder.create(request, Response.TRYING, null, null));
        }
        synchronized (session) {
            if (session.changing) {
                // An offer is still being answered: RFC 3261 14.2 (INVITE) and RFC 3311 5.2 (UPDATE) say 500 with a
                // random Retry-After of up to 10 s.
                reject(tx, request, Response.SERVER_INTERNAL_ERROR, "Server Internal Error: an earlier offer is pending",
                        1 + random.nextInt(10), null);
                return;
            }
            session.changing = true;
        }
        try {
            answering.execute(() -> {
                try {
                    applyChange(tx, request, session);
                } catch (Exception e) {
                    log.warn("SIPREC: failed to handle {} of {}", request.getMethod(), session.callId, e);
                } finally {
                    synchronized (session) {
                        session.changing = false;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            synchronized (session) {
                session.changing = false;
            }
            reject(tx, request, Response.SERVICE_UNAVAILABLE, "Shutting down", BUSY_RETRY_AFTER_S, null);
        }
    }

    private void applyChange(ServerTransaction tx, Request request, RecordingSession session) throws Exception {
        RecordingOffer offer;
        List<OfferedStream> toOpen = new ArrayList<>();
        Map<Party, Integer> counts;
        synchronized (session) {
            if (session.state == RecordingSession.State.ANSWERED && Request.INVITE.equals(request.getMethod())) {
                ack(session); // a re-INVITE proves our 200 arrived; its ACK may be racing on another thread
            }
            if (session.state != RecordingSession.State.ESTABLISHED && session.state != RecordingSession.State.ANSWERED) {
                responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
                return;
            }
            byte[] body = request.getRawContent();
            if (body == null || body.length == 0) {
                session.sdpVersion++;
                responder.send(tx, okWithAnswer(request, session, null));
                return;
            }
            try {
                String type = contentType(request);
                if (RecordingOfferReader.isMultipart(type)) {
                    RecordingOffer update = reader.read(type, body, session.codecs(), session.keys(), null).orElseThrow(
                            () -> new RecordingRejection(415, "Unsupported Media Type: multipart without recording-session"));
                    offer = new RecordingOffer(update.sdp(), update.metadata().after(session.offer.metadata()),
                            update.streams());
                } else {
                    offer = reader.readSdp(body, session.offer.metadata(), session.codecs(), session.keys());
                }
            } catch (RecordingRejection r) {
                // A failed re-INVITE leaves the session as it was (RFC 3261 14.2).
                reject(tx, request, r.status(), r.getMessage(), 0, null);
                return;
            }
            for (OfferedStream s : offer.recordable()) {
                if (!session.legs.containsKey(s.label())) {
                    toOpen.add(s);
                }
            }
            counts = session.streamCounts();
        }
        // Outside the monitor: a BYE, CANCEL or OPTIONS of this dialog is answered while the streams open.
        List<RecordingSession.StreamLeg> added = toOpen.isEmpty() ? List.of()
                : openAdded(session, offer, toOpen, counts, request);
        synchronized (session) {
            if (session.state == RecordingSession.State.ENDED) {
                // Ended (BYE, media timeout, shutdown) while the streams opened: end those too, answer nothing new.
                for (RecordingSession.StreamLeg leg : added) {
                    byLeg.remove(leg.legId);
                    try {
                        controller.ended(leg.legId, session.endedBy);
                    } catch (RuntimeException e) {
                        log.warn("controller failed on ended({}, {})", leg.legId, session.endedBy, e);
                    }
                }
                responder.send(tx, responder.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null, null));
                return;
            }
            apply(tx, request, session, offer, added);
        }
    }

    /** Applies an accepted change and answers it; the caller holds the session's monitor. */
    private void apply(ServerTransaction tx, Request request, RecordingSession session, RecordingOffer offer,
                       List<RecordingSession.StreamLeg> added) throws Exception {
        boolean newMetadata = offer.metadata() != session.offer.metadata();
        session.offer = offer;
        session.sdpVersion++;
        added.forEach(leg -> session.legs.put(leg.label, leg));
        responder.send(tx, okWithAnswer(request, session, null));
        for (RecordingSession.StreamLeg leg : added) {
            try {
                controller.established(leg.legId); // the dialog is up: no ACK of its own will confirm it
            } catch (RuntimeException e) {
                log.warn("controller failed on established({})", leg.legId, e);
            }
        }
        for (RecordingSession.StreamLeg leg : session.legs.values()) {
            if (added.contains(leg)) {
                continue;
            }
            Optional<OfferedStream> s = offer.stream(leg.label);
            boolean paused = s.map(OfferedStream::paused).orElse(true);
            InetSocketAddress remote = s.filter(OfferedStream::recordable).map(o -> remote(o, session.source))
                    .orElse(leg.remote);
            SdesSession keys = leg.srtp;
            if (s.isPresent() && s.get().recordable()) {
                leg.codec = s.get().negotiation().codec();
                keys = s.get().negotiation().srtp();
            }
            boolean rekeyed = !java.util.Objects.equals(keys, leg.srtp);
            if (paused != leg.paused || !remote.equals(leg.remote) || rekeyed) {
                leg.paused = paused;
                leg.remote = remote;
                leg.srtp = keys;
                log.info("SIPREC {} stream {} {}{}", session.callId, leg.label, paused ? "paused" : "recording",
                        rekeyed ? " (new SRTP keys)" : "");
                try {
                    controller.remoteChanged(leg.legId, remote, leg.codec, paused, keys);
                } catch (RuntimeException e) {
                    log.warn("controller failed on remoteChanged({})", leg.legId, e);
                }
            }
        }
        if (newMetadata || !added.isEmpty()) {
            // Participants may have joined or changed (Avaya SBCE names the far end only in a later UPDATE);
            // each recorded stream keeps its party, who is heard on it is told again.
            List<StreamParty> now = new ArrayList<>();
            for (RecordingSession.StreamLeg leg : session.legs.values()) {
                now.add(new StreamParty(leg.label, leg.party, offer.metadata().sendersOf(leg.label), "unchanged",
                        leg.stream));
            }
            report(session, now);
        }
    }

    /** Ends the recording session a leg belongs to, from Earpiece's side (media timeout, shutdown). */
    public void hangup(String legId) {
        RecordingSession session = byLeg.get(legId);
        if (session == null) {
            return;
        }
        synchronized (session) {
            switch (session.state) {
                case PROCEEDING -> session.aborted = true;
                case ANSWERED, ESTABLISHED -> {
                    sendBye(session);
                    finish(session, EndReason.LOCAL_HANGUP);
                }
                case ENDED -> {
                }
            }
        }
    }

    public void hangupAll() {
        for (RecordingSession s : List.copyOf(sessions.values())) {
            for (RecordingSession.StreamLeg leg : List.copyOf(s.legs.values())) {
                hangup(leg.legId);
                break;
            }
        }
    }

    @Override
    public void dialogTerminated(DialogTerminatedEvent event) {
        RecordingSession session = sessions.get(event.getDialog().getCallId().getCallId());
        if (session != null) {
            synchronized (session) {
                if (session.dialog == event.getDialog()) {
                    finish(session, EndReason.FAILED);
                }
            }
        }
    }

    @Override
    public boolean dialogTimedOut(DialogTimeoutEvent event) {
        Dialog dialog = event.getDialog();
        RecordingSession session = dialog == null ? null : sessions.get(dialog.getCallId().getCallId());
        if (session == null) {
            return false;
        }
        synchronized (session) {
            if (session.state == RecordingSession.State.ANSWERED) {
                log.info("SIPREC {}: no ACK; ending it", session.callId);
                sendBye(session);
                finish(session, EndReason.FAILED);
            }
        }
        return true;
    }

    /** Ends a session once, telling the controller about each opened leg; the caller holds its monitor. */
    private void finish(RecordingSession session, EndReason reason) {
        if (session.state == RecordingSession.State.ENDED) {
            return;
        }
        session.state = RecordingSession.State.ENDED;
        session.endedBy = reason;
        sessions.remove(session.callId, session);
        for (RecordingSession.StreamLeg leg : session.legs.values()) {
            byLeg.remove(leg.legId);
            try {
                controller.ended(leg.legId, reason);
            } catch (RuntimeException e) {
                log.warn("controller failed on ended({}, {})", leg.legId, reason, e);
            }
        }
    }

    private void sendBye(RecordingSession session) {
        Dialog dialog = session.dialog;
        if (dialog == null) {
            return;
        }
        try {
            Request bye = dialog.createRequest(Request.BYE);
            bye.setHeader(responder.headers().createUserAgentHeader(List.of(responder.userAgent())));
            ClientTransaction ct = provider.getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.warn("SIPREC {}: could not send BYE", session.callId, e);
        }
    }

    private void reject(ServerTransaction tx, Request request, int status, String reason, int retryAfter, String tag) {
        try {
            Response r = responder.create(request, status, reason, tag);
            responder.withRetryAfter(r, retryAfter);
            if (status == Response.NOT_ACCEPTABLE_HERE) {
                r.addHeader(responder.headers().createWarningHeader(advertisedHost, 305, "Incompatible media format"));
            }
            responder.send(tx, r);
        } catch (Exception e) {
            log.warn("SIPREC: could not send {} for {}", status, SipText.callId(request), e);
        }
    }

    /**
     * The unspecified address with the offered port: the media server then latches onto the first RTP source. A
     * recording client's SDP names where it would receive, and vendors send the recorded streams from other
     * ports (or, OpenSIPS, from no stated address at all); dropping those would lose the recording.
     */
    static InetSocketAddress remote(OfferedStream s, String source) {
        return new InetSocketAddress(UNSPECIFIED, s.negotiation().remotePort());
    }

    private static InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(Request request) {
        ContentTypeHeader h = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (h == null) {
            return null;
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).trim();
    }
}
