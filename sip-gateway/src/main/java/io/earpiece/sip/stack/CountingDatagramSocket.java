package io.earpiece.sip.stack;

import io.earpiece.sip.SipCounters;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;

/** A UDP socket that counts SIP requests received and responses sent, whoever inside the stack sends them. */
final class CountingDatagramSocket extends DatagramSocket {
    private final SipCounters counters;

    CountingDatagramSocket(SipCounters counters, int port, InetAddress address) throws SocketException {
        super(port, address);
        this.counters = counters;
    }

    CountingDatagramSocket(SipCounters counters) throws SocketException {
        super();
        this.counters = counters;
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        // Counted before the send so that a peer reacting to the response can never observe a stale count.
        int status = StartLine.status(p.getData(), p.getOffset(), p.getLength());
        if (status > 0) {
            counters.responseSent(status);
        }
        super.send(p);
    }

    @Override
    public synchronized void receive(DatagramPacket p) throws IOException {
        super.receive(p);
        if (StartLine.status(p.getData(), p.getOffset(), p.getLength()) < 0) {
            String method = StartLine.method(p.getData(), p.getOffset(), p.getLength());
            if (method != null) {
                counters.requestReceived(method);
            }
        }
    }
}
