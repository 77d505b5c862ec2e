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
 * Syntax errors keep the stack's own handling: an automatic 400 when it can copy the headers it needs.
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
        try {
            message = delegate.parseSIPMessage(bytes, readBody, strict, listener);
        } catch (ParseException e) {
            counters.malformedReceived();
            throw e;
        } catch (RuntimeException e) {
            // The stock parser has corner cases that escape as runtime exceptions on garbage input.
            counters.malformedReceived();
            throw new ParseException("unparseable message (" + e.getClass().getSimpleName() + ")", 0);
        }
        if (message instanceof SIPRequest request) {
            return checkRequest(request, StartLine.requestVersion(bytes));
        }
        if (message != null && !missingHeaders(message).isEmpty()) {
            counters.malformedReceived();
        }
        return message;
    }

    /** @param version as written on the wire; the stock parser reports SIP/2.0 whatever the datagram said */
    private SIPMessage checkRequest(SIPRequest request, String version) throws ParseException {
        List<String> missing = missingHeaders(request);
        String rejection = null;
        if (!"SIP/2.0".equalsIgnoreCase(version)) {
            rejection = "505 Version " + version + " Not Supported";
        } else if (!missing.isEmpty()) {
            rejection = "400 Bad Request (missing " + String.join(", ", missing) + ")";
        } else if (!request.getMethod().equals(request.getCSeq().getMethod())) {
            rejection = "400 Bad Request (CSeq method does not match)";
        }
        if (rejection == null) {
            if (request.getMaxForwards() == null) {
                // Some PBX keep-alives omit it; a UAS loses nothing by assuming the default instead of failing.
                tolerateMissingMaxForwards(request);
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
