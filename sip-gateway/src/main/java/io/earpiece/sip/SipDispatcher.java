package io.earpiece.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.SipListenerExt;
import io.earpiece.sip.access.Refusals;
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
    private volatile Predicate<String> exempt = s -> false;

    SipDispatcher(UasListener uas, FloodGuard guard, SipContext sip, Refusals refusals) {
        this.uas = uas;
        this.guard = guard;
        this.sip = sip;
        this.refusals = refusals;
    }

    void exempt(Predicate<String> source) {
        this.exempt = source;
    }

    void add(RequestHandler handler) {
        handlers.add(handler);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        // The one flood limit, before any handler: it covers the registrar, the B2BUA and bot legs alike.
        if (guard != null && costly(request) && event instanceof RequestEventExt ext
                && !exempt.test(ext.getRemoteIpAddress()) && !guard.tryAcquire(ext.getRemoteIpAddress())) {
            refusals.refused(Refusals.Reason.FLOOD, request.getMethod(), ext.getRemoteIpAddress(),
                    "over the flood limit (earpiece.telephony.flood)");
            refuse(request);
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

    private static boolean costly(Request r) {
        if (Request.REGISTER.equals(r.getMethod())) {
            return true;
        }
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        return Request.INVITE.equals(r.getMethod()) && to != null && to.getTag() == null;
    }

    /** Stateless, so a flood leaves no transactions behind. */
    private void refuse(Request request) {
        try {
            Response r = sip.messages().createResponse(Response.SERVICE_UNAVAILABLE, request);
            r.setReasonPhrase("Rate limited");
            r.setHeader(sip.headers().createRetryAfterHeader(guard.retryAfterSeconds()));
            sip.provider().sendResponse(r);
        } catch (Exception e) {
            log.debug("could not refuse flooding request: {}", e.toString());
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
        uas.processDialogTimeout(event);
    }

    SipProvider provider() {
        return sip.provider();
    }
}
