package io.earpiece.sip.stack;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import io.earpiece.sip.SipCounters;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's socket factory (property {@code gov.nist.javax.sip.NETWORK_LAYER}): UDP sockets that count traffic,
 * and a socket bound before the listening point exists so that port 0 yields a real, race-free port.
 * Instantiated by the stack by class name; {@link #attach} gives it this gateway's counters.
 */
public final class CountingNetworkLayer implements NetworkLayer {
    private SipCounters counters = new SipCounters();
    private DatagramSocket prebound;

    /** Uses these counters for every socket created from now on. */
    public synchronized void attach(SipCounters counters) {
        this.counters = counters;
    }

    /** Binds the listening socket now and returns its port; the stack gets this socket when it asks for the port. */
    public synchronized int prebind(InetAddress address, int port) throws SocketException {
        if (prebound != null) {
            prebound.close();
        }
        prebound = new CountingDatagramSocket(counters, port, address);
        return prebound.getLocalPort();
    }

    @Override
    public synchronized DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        if (prebound != null && prebound.getLocalPort() == port) {
            DatagramSocket s = prebound;
            prebound = null;
            return s;
        }
        return new CountingDatagramSocket(counters, port, laddr);
    }

    @Override
    public synchronized DatagramSocket createDatagramSocket() throws SocketException {
        return new CountingDatagramSocket(counters);
    }

    /** Releases a socket bound by {@link #prebind} that the stack never took. */
    public synchronized void releasePrebound() {
        if (prebound != null) {
            prebound.close();
            prebound = null;
        }
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        // Nothing to take from the stack: counters arrive through attach().
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        throw unsupported();
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        throw unsupported();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        throw unsupported();
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        throw unsupported();
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        throw unsupported();
    }

    private static IOException unsupported() {
        return new IOException("the Earpiece SIP gateway only speaks UDP");
    }
}
