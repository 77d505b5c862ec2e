package io.earpiece.sip.stack;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TCPMessageProcessor;
import gov.nist.javax.sip.stack.TLSMessageProcessor;
import io.earpiece.sip.flow.Flow;

import java.io.IOException;
import java.net.InetAddress;
import javax.sip.ListeningPoint;

/**
 * The stack's processor factory (property {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}): the stock blocking
 * processors, except that the TCP and TLS ones tell the stack's {@link io.earpiece.sip.flow.Flows} when a connection
 * ends. JAIN-SIP tells an application nothing when a peer closes a connection (only a missed keep-alive is reported),
 * yet a registered device's flow dies with its connection (RFC 5626 section 5.4). A channel leaves its processor
 * exactly when its connection ends, the one moment every ending goes through, so that is where this hooks in.
 */
public final class FlowWatchingProcessors implements MessageProcessorFactory {
    private final OIOMessageProcessorFactory stock = new OIOMessageProcessorFactory();

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress ip, int port,
                                                   String transport) throws IOException {
        if (!(stack instanceof EarpieceSipStack earpiece)) {
            return stock.createMessageProcessor(stack, ip, port, transport);
        }
        if (ListeningPoint.TCP.equalsIgnoreCase(transport)) {
            return new TCPMessageProcessor(ip, stack, port) {
                @Override
                protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
                    super.remove(channel);
                    ended(earpiece, channel, "tcp");
                }
            };
        }
        if (ListeningPoint.TLS.equalsIgnoreCase(transport)) {
            return new TLSMessageProcessor(ip, stack, port) {
                @Override
                protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
                    super.remove(channel);
                    ended(earpiece, channel, "tls");
                }
            };
        }
        return stock.createMessageProcessor(stack, ip, port, transport);
    }

    private static void ended(EarpieceSipStack stack, ConnectionOrientedMessageChannel channel, String transport) {
        InetAddress peer = channel.getPeerPacketSourceAddress();
        int port = channel.getPeerPort();
        if (peer != null && port > 0) {
            stack.flows().closed(new Flow(peer.getHostAddress(), port, transport));
        }
    }
}
