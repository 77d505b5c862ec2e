package io.earpiece.sip.stack;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;

import java.util.Locale;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** The transport a request really arrived over, for Contact, metrics and the SIPS check. */
public final class Transports {
    private Transports() {
    }

    /**
     * {@code udp}, {@code tcp} or {@code tls}: the channel the stack read the request from, else (a request built in a
     * test, say) its top Via's transport, which a peer could have written wrongly.
     */
    public static String of(Request request) {
        if (request instanceof SIPRequest r && r.getMessageChannel() instanceof MessageChannel channel
                && channel.getTransport() != null) {
            return channel.getTransport().toLowerCase(Locale.ROOT);
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }
}
