package io.earpiece.sip.server;

import io.earpiece.sip.stack.ReasonPhrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.List;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The server-transaction and tag helpers every request handler needs (bot legs, B2BUA, registrar, SIPREC), in one
 * place so that they all treat retransmissions and malformed requests the same way.
 */
public final class ServerTransactions {
    private static final Logger log = LoggerFactory.getLogger(ServerTransactions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final String userAgent;

    public ServerTransactions(SipProvider provider, MessageFactory messages, HeaderFactory headers, String userAgent) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.userAgent = userAgent;
    }

    /**
     * The request's server transaction, made if the stack has none yet; null when there is nothing to do: a
     * retransmission the stack already answers, or a request the stack's own header checks (RFC 3261 8.1.1)
     * refused, which has been answered with 400 naming why (the peer's fault, not ours).
     */
    public ServerTransaction of(RequestEvent event) {
        ServerTransaction tx = event.getServerTransaction();
        if (tx != null) {
            return tx;
        }
        Request request = event.getRequest();
        try {
            return provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            log.info("rejecting {} {}: {}", request.getMethod(), callId(request), e.getMessage());
            if (!Request.ACK.equals(request.getMethod())) {
                try {
                    Response r = messages.createResponse(Response.BAD_REQUEST, request);
                    r.setReasonPhrase("Bad Request (" + ReasonPhrases.printable(String.valueOf(e.getMessage())) + ")");
                    r.setHeader(headers.createServerHeader(List.of(userAgent)));
                    provider.sendResponse(r);
                } catch (Exception ex) {
                    log.debug("could not refuse {}: {}", request.getMethod(), ex.toString());
                }
            }
            return null;
        } catch (RuntimeException e) {
            log.warn("cannot create a server transaction for {} {}", request.getMethod(), callId(request), e);
            return null;
        }
    }

    /** A fresh To/From tag: 64 random bits in hex. */
    public static String newTag() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    /** The To tag of a request, or null outside a dialog. */
    public static String toTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null ? null : to.getTag();
    }

    private static String callId(Request r) {
        CallIdHeader h = (CallIdHeader) r.getHeader(CallIdHeader.NAME);
        return h == null ? "?" : h.getCallId();
    }
}
