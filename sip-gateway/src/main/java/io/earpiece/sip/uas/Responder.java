package io.earpiece.sip.uas;

import java.text.ParseException;

import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.ServerTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds and sends this gateway's responses with its Server, Contact, Allow and Accept headers. */
public final class Responder {
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL,
            Request.OPTIONS);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final String userAgent;
    private final OwnContacts contacts;

    public Responder(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
              String advertisedHost, ContactPorts ports, String userAgent) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.userAgent = userAgent;
        this.contacts = new OwnContacts(addresses, headers, advertisedHost, ports);
    }

    public HeaderFactory headers() {
        return headers;
    }

    /** A response to {@code request}; {@code toTag} is set when the request's To has none. */
    public Response create(Request request, int status, String reason, String toTag) throws ParseException {
        Response r = messages.createResponse(status, request);
        if (reason != null) {
            r.setReasonPhrase(SipText.reasonPhrase(reason));
        }
        if (toTag != null) {
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(toTag);
            }
        }
        r.setHeader(headers.createServerHeader(List.of(userAgent)));
        return r;
    }

    /** Adds Allow and Accept, as 200 to OPTIONS, 405 and 415 need. */
    public Response withCapabilities(Response r) throws ParseException {
        r.setHeader(headers.createAllowHeader(String.join(", ", ALLOWED)));
        r.setHeader(headers.createAcceptHeader("application", "sdp"));
        return r;
    }

    /** Adds Contact (for the request's transport), Allow and an SDP body, as a 200 to INVITE needs. */
    public Response withSdp(Request request, Response r, String sdp) throws ParseException {
        ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
        r.setHeader(contacts.answering("earpiece", request));
        r.setHeader(headers.createAllowHeader(String.join(", ", ALLOWED)));
        r.setContent(sdp, type);
        return r;
    }

    public Response withRetryAfter(Response r, int seconds) throws InvalidArgumentException {
        if (seconds > 0) {
            r.setHeader(headers.createRetryAfterHeader(seconds));
        }
        return r;
    }

    public void send(ServerTransaction tx, Response r) throws SipException, InvalidArgumentException {
        tx.sendResponse(r);
    }

    /** Sends outside any transaction, for requests the stack must not track (malformed ones). */
    public void sendStateless(Response r) throws SipException {
        provider.sendResponse(r);
    }

    public String userAgent() {
        return userAgent;
    }
}
