package io.earpiece.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.SipListenerExt;
import io.earpiece.sip.access.Refusals;
import io.earpiece.sip.stack.Transports;
import io.earpiece.sip.uas.UasListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The provider's one listener: applies the flood guard, offers requests to the registered feature handlers in
 * order, and leaves the rest to the bot's user-agent server; responses go to the handler a client transaction
 * names in its application data.
 */
final class SipDispatcher implements SipListenerExt {
    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

    private final UasListener uas;
    private final List<RequestHandler> handlers = new CopyOnWriteArrayList<>();
    private final FloodGuard guard;
    private final SipContext sip;
    private final Refusals refusals;
    private final SipCounters counters;
    private volatile Predicate<String> exempt = s -> false;
    private volatile boolean draining;

    SipDispatcher(UasListener uas, FloodGuard guard, SipContext sip, Refusals refusals, SipCounters counters) {
        this.counters = counters;
        this.uas = uas;
        this.guard = guard;
        this.sip = sip;
        this.refusals = refusals;
    }

    void exempt(Predicate<String> source) {
        this.exempt = source;
    }

    /** From now on new calls and OPTIONS probes get 503: a proxy in front sends new calls to another node. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    void add(RequestHandler handler) {
        handlers.add(handler);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String transport = Transports.of(request);
        counters.requestOver(transport);
        if (sipsOverInsecureTransport(request, transport)) {
            return;
        }
        // The one flood limit, before any handler: it covers the registrar, the B2BUA and bot legs alike.
        if (guard != null && costly(request) && event instanceof RequestEventExt ext
                && !exempt.test(ext.getRemoteIpAddress()) && !guard.tryAcquire(ext.getRemoteIpAddress())) {
            refusals.refused(Refusals.Reason.FLOOD, request.getMethod(), ext.getRemoteIpAddress(),
                    "over the flood limit (earpiece.telephony.flood)");
            refuse(request);
            return;
        }
        if (draining && newCallOrProbe(request)) {
            refuse(request, "Draining", DRAIN_RETRY_AFTER_S);
            return;
        }
        for (RequestHandler h : handlers) {
            try {
                if (h.handle(event)) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("handler {} failed on {} {}", h.getClass().getSimpleName(), request.getMethod(),
                        callId(request), e);
                return;
            }
        }
        uas.processRequest(event);
    }

    /**
     * A SIPS Request-URI asks for TLS on every hop (RFC 3261 26.2.2, RFC 5630); arriving over UDP or TCP it already
     * was not, so it is refused, statelessly, with 416 Unsupported URI Scheme rather than served in clear.
     */
    private boolean sipsOverInsecureTransport(Request request, String transport) {
        if (!"sips".equalsIgnoreCase(request.getRequestURI().getScheme()) || transport.equals("tls")) {
            return false;
        }
        if (!Request.ACK.equals(request.getMethod())) {
            try {
                Response r = sip.messages().createResponse(Response.UNSUPPORTED_URI_SCHEME, request);
                r.setReasonPhrase("Unsupported URI Scheme (sips: needs TLS, this came over "
                        + transport.toUpperCase(java.util.Locale.ROOT) + ")");
                sip.provider().sendResponse(r);
            } catch (Exception e) {
                log.debug("could not refuse a sips: request over {}: {}", transport, e.toString());
            }
        }
        return true;
    }

    private static boolean costly(Request r) {
        if (Request.REGISTER.equals(r.getMethod())) {
            return true;
        }
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        return Request.INVITE.equals(r.getMethod()) && to != null && to.getTag() == null;
    }

    /**
     * A draining node refuses what starts a call (an INVITE outside a dialog) and answers the proxy's OPTIONS probes
     * with 503, which is how Kamailio's dispatcher learns to stop sending here; in-dialog requests (BYE, re-INVITE)
     * still reach the calls in progress, and REGISTER still works.
     */
    private static boolean newCallOrProbe(Request r) {
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        boolean outOfDialog = to == null || to.getTag() == null;
        return outOfDialog && (Request.INVITE.equals(r.getMethod()) || Request.OPTIONS.equals(r.getMethod()));
    }

    /** Long enough for a proxy to try another node; a drained node is not coming back soon. */
    private static final int DRAIN_RETRY_AFTER_S = 60;

    /** Stateless, so a flood leaves no transactions behind. */
    private void refuse(Request request) {
        refuse(request, "Rate limited", guard.retryAfterSeconds());
    }

    private void refuse(Request request, String reason, int retryAfterS) {
        try {
            Response r = sip.messages().createResponse(Response.SERVICE_UNAVAILABLE, request);
            r.setReasonPhrase(reason);
            r.setHeader(sip.headers().createRetryAfterHeader(retryAfterS));
            sip.provider().sendResponse(r);
        } catch (Exception e) {
            log.debug("could not refuse {} ({}): {}", request.getMethod(), reason, e.toString());
        }
    }

    private static String callId(Request r) {
        CallIdHeader h = (CallIdHeader) r.getHeader(CallIdHeader.NAME);
        return h == null ? "?" : h.getCallId();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof ResponseHandler h) {
            h.response(event);
        } else {
            uas.processResponse(event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            uas.processTimeout(event);
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof ResponseHandler h) {
            h.timeout(event);
        } else {
            uas.processTimeout(event);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        uas.processIOException(event);
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        uas.processTransactionTerminated(event);
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        for (RequestHandler h : handlers) {
            h.dialogTerminated(event);
        }
        uas.processDialogTerminated(event);
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        for (RequestHandler h : handlers) {
            if (h.dialogTimedOut(event)) {
                return;
            }
        }
        uas.processDialogTimeout(event);
    }

    SipProvider provider() {
        return sip.provider();
    }
}
