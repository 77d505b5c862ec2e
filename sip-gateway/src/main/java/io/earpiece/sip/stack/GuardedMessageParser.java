package io.earpiece.sip.stack;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import io.earpiece.sip.SipCounters;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.message.Request;

/**
 * Wraps the stack's parser to count malformed datagrams and to close a gap in JAIN-SIP: a request missing
 * Call-ID, From, To or CSeq is silently dropped by the stack's UDP channel. Such a request (if it has a Via
 * to answer to and is not an ACK) is completed with placeholder headers and marked with a private header,
 * and the gateway's listener answers it with 400 naming what was missing. A request with a SIP version
 * other than 2.0 (which this stack version would otherwise process) is marked for 505 the same way.
 * Syntax errors keep the stack's own handling, an automatic 400 when it can copy the headers it needs, but with
 * a reason phrase that names the bad header rather than the stock parser's internals. A request with two
 * Content-Length headers is marked for 400, and an RFC 2543 INVITE without Contact gets one from its From.
 */
final class GuardedMessageParser implements MessageParser {
    private final MessageParser delegate;
    private final SipCounters counters;
    private final String rejectHeader;
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();

    GuardedMessageParser(MessageParser delegate, SipCounters counters, String rejectHeader) {
        this.delegate = delegate;
        this.counters = counters;
        this.rejectHeader = rejectHeader;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict,
                                      ParseExceptionListener listener) throws ParseException {
        SIPMessage message;
        FailedHeader failed = new FailedHeader(listener);
        List<String> names;
        try {
            names = HeaderNames.of(bytes);
            message = delegate.parseSIPMessage(bytes, readBody, strict, failed);
        } catch (MalformedSipException e) {
            counters.malformedReceived();
            throw e;
        } catch (ParseException e) {
            counters.malformedReceived();
            // The stack answers 400 with this text as the reason; the stock text can hold a char[]'s toString.
            throw new MalformedSipException(ReasonPhrases.forParseFailure(failed.name(), e.getMessage()));
        } catch (RuntimeException e) {
            // The stock parser has corner cases that escape as runtime exceptions on garbage input.
            counters.malformedReceived();
            throw new MalformedSipException(ReasonPhrases.forParseFailure(failed.name(), null));
        }
        if (message instanceof SIPRequest request) {
            if (readBody && !names.contains("content-length")) {
                bodyWithoutLength(request, bytes);
            }
            return checkRequest(request, StartLine.requestVersion(bytes), names);
        }
        if (message != null && !missingHeaders(message).isEmpty()) {
            counters.malformedReceived();
        }
        return message;
    }

    /** @param version as written on the wire; the stock parser reports SIP/2.0 whatever the datagram said */
    private SIPMessage checkRequest(SIPRequest request, String version, List<String> names)
            throws ParseException {
        List<String> missing = missingHeaders(request);
        String rejection = null;
        if (!"SIP/2.0".equalsIgnoreCase(version)) {
            rejection = "505 Version " + ReasonPhrases.printable(version) + " Not Supported";
        } else if (!missing.isEmpty()) {
            rejection = "400 Bad Request (missing " + String.join(", ", missing) + ")";
        } else if (!request.getMethod().equals(request.getCSeq().getMethod())) {
            rejection = "400 Bad Request (CSeq method does not match)";
        } else if (HeaderNames.repeatedSingleton(names) != null) {
            // RFC 3261 7.3.1 and RFC 4475 3.1.2.19, 3.4.2: which Call-ID, CSeq or length is meant cannot be known.
            rejection = "400 Bad Request (more than one " + HeaderNames.repeatedSingleton(names) + ")";
        }
        if (rejection == null) {
            if (request.getMaxForwards() == null) {
                // Some PBX keep-alives omit it; a UAS loses nothing by assuming the default instead of failing.
                tolerateMissingMaxForwards(request);
            }
            if (Request.INVITE.equals(request.getMethod()) && request.getContactHeader() == null
                    && request.getToTag() == null) {
                tolerateMissingContact(request);
            }
            return request;
        }
        counters.malformedReceived();
        if (request.getTopmostVia() == null || Request.ACK.equals(request.getMethod())) {
            throw new ParseException(rejection, 0);
        }
        completeForRejection(request, rejection);
        return request;
    }

    private void tolerateMissingMaxForwards(SIPRequest request) throws ParseException {
        try {
            request.setHeader(headers.createMaxForwardsHeader(70));
        } catch (InvalidArgumentException e) {
            throw new ParseException("cannot add Max-Forwards", 0);
        }
    }

    /**
     * An RFC 2543 INVITE may lack Contact (RFC 4475 3.4.3); that RFC sends requests in the call to the From
     * address then, which is what this Contact says. Without one the stack refuses to make a transaction.
     */
    private void tolerateMissingContact(SIPRequest request) throws ParseException {
        request.setHeader(headers.createContactHeader(request.getFrom().getAddress()));
    }

    /**
     * RFC 3261 18.3: over UDP a message without Content-Length runs to the end of the datagram (RFC 4475 3.4.3
     * sends such an INVITE); the stock parser drops that body. The stack reads only datagrams with this parser.
     */
    private static void bodyWithoutLength(SIPRequest request, byte[] bytes) {
        int offset = HeaderNames.bodyOffset(bytes);
        byte[] raw = request.getRawContent();
        if (offset > 0 && offset < bytes.length && (raw == null || raw.length == 0)) {
            request.setMessageContent(java.util.Arrays.copyOfRange(bytes, offset, bytes.length));
        }
    }

    /** Records which header the stock parser failed on, so the 400 can name it. */
    private static final class FailedHeader implements ParseExceptionListener {
        private final ParseExceptionListener delegate;
        private String name;

        FailedHeader(ParseExceptionListener delegate) {
            this.delegate = delegate;
        }

        String name() {
            return name;
        }

        @Override
        public void handleException(ParseException ex, SIPMessage message, Class headerClass, String headerText,
                                    String messageText) throws ParseException {
            try {
                if (delegate == null) {
                    throw ex;
                }
                delegate.handleException(ex, message, headerClass, headerText, messageText);
            } catch (ParseException e) {
                // Only a failure the stack does not shrug off ends the parse; that is the one to name.
                name = ReasonPhrases.headerName(headerClass, headerText);
                throw e;
            }
        }
    }

    private static List<String> missingHeaders(SIPMessage m) {
        List<String> missing = new ArrayList<>(5);
        if (m.getTopmostVia() == null) {
            missing.add("Via");
        }
        if (m.getCallId() == null) {
            missing.add("Call-ID");
        }
        if (m.getFrom() == null) {
            missing.add("From");
        }
        if (m.getTo() == null) {
            missing.add("To");
        }
        if (m.getCSeq() == null) {
            missing.add("CSeq");
        }
        return missing;
    }

    /** Fills in what the stack needs to pass the request on, and marks it with "status reason" for the listener. */
    private void completeForRejection(SIPRequest request, String reason) throws ParseException {
        try {
            Address nobody = addresses.createAddress("sip:invalid@invalid.invalid");
            if (request.getCallId() == null) {
                request.setCallId("missing-" + UUID.randomUUID());
            }
            if (request.getFrom() == null) {
                request.setHeader(headers.createFromHeader(nobody, UUID.randomUUID().toString()));
            }
            if (request.getTo() == null) {
                request.setHeader(headers.createToHeader(nobody, null));
            }
            if (request.getCSeq() == null) {
                request.setHeader(headers.createCSeqHeader(1L, request.getMethod()));
            }
            request.setHeader(headers.createHeader(rejectHeader, reason));
        } catch (InvalidArgumentException e) {
            throw new ParseException(reason, 0);
        }
    }
}
