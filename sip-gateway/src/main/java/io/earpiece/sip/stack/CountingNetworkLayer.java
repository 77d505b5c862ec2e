package io.earpiece.sip.stack;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import io.earpiece.sip.SipCounters;
import io.earpiece.sip.SipTransports;
import io.earpiece.sip.tls.TlsClients;
import io.earpiece.sip.tls.TlsContexts;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's socket factory (property {@code gov.nist.javax.sip.NETWORK_LAYER}): UDP sockets that count traffic,
 * TCP and TLS sockets (TLS 1.2+ from the gateway's own SSL contexts, not the JVM-wide javax.net.ssl properties), and
 * listening sockets bound before their listening points exist so that port 0 yields a real, race-free port.
 * Instantiated by the stack by class name; {@link #attach} gives it this gateway's counters.
 */
public final class CountingNetworkLayer implements NetworkLayer {
    private SipCounters counters = new SipCounters();
    private static final int BACKLOG = 128;
    private DatagramSocket prebound;
    private ServerSocket preboundTcp;
    private SSLServerSocket preboundTls;
    private SSLContext serverTls;
    private final TlsClients clientTls = new TlsClients();
    private SipTransports.ClientAuth clientAuth = SipTransports.ClientAuth.NONE;

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

    /**
     * Enables TLS: {@code server} makes the listening socket (its trust decides client certificates), {@code client}
     * the connections this stack opens to destinations without a context of their own (see {@link #tlsClients}).
     */
    public synchronized void attachTls(SSLContext server, SSLContext client, SipTransports.ClientAuth clientAuth) {
        this.serverTls = server;
        this.clientTls.fallback(client);
        this.clientAuth = clientAuth;
    }

    /** The contexts outgoing TLS connections use, per destination (trunks register theirs). */
    public TlsClients tlsClients() {
        return clientTls;
    }

    /** Binds the TCP listening socket now (on UDP's port, usually); the stack gets it when it asks for the port. */
    public synchronized int prebindTcp(InetAddress address, int port) throws IOException {
        closeQuietly(preboundTcp);
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, port), BACKLOG);
        preboundTcp = s;
        return s.getLocalPort();
    }

    /** Binds the TLS listening socket now; the stack gets it when it asks for the port. */
    public synchronized int prebindTls(InetAddress address, int port) throws IOException {
        closeQuietly(preboundTls);
        SSLServerSocket s = (SSLServerSocket) tls().getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, port), BACKLOG);
        configure(s);
        preboundTls = s;
        return s.getLocalPort();
    }

    @Override
    public synchronized ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
            throws IOException {
        if (preboundTcp != null && preboundTcp.getLocalPort() == port) {
            ServerSocket s = preboundTcp;
            preboundTcp = null;
            return s;
        }
        return new ServerSocket(port, backlog, bindAddress);
    }

    @Override
    public synchronized SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
            throws IOException {
        if (preboundTls != null && preboundTls.getLocalPort() == port) {
            SSLServerSocket s = preboundTls;
            preboundTls = null;
            return s;
        }
        SSLServerSocket s = (SSLServerSocket) tls().getServerSocketFactory().createServerSocket(port, backlog,
                bindAddress);
        configure(s);
        return s;
    }

    private void configure(SSLServerSocket s) {
        s.setEnabledProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
        s.setEnabledCipherSuites(TlsContexts.cipherSuites(serverTls));
        // The stack sets these again from TLS_CLIENT_AUTH_TYPE, which the gateway sets to the same mode.
        s.setNeedClientAuth(clientAuth == SipTransports.ClientAuth.NEED);
        if (clientAuth == SipTransports.ClientAuth.WANT) {
            s.setWantClientAuth(true);
        }
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return new Socket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return new Socket(address, port, myAddress, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return new Socket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return client((SSLSocket) clientTls(address, port).getSocketFactory().createSocket(address, port));
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return client((SSLSocket) clientTls(address, port).getSocketFactory().createSocket(address, port, myAddress,
                0));
    }

    private static SSLSocket client(SSLSocket s) {
        s.setEnabledProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
        return s;
    }

    /** Releases stream sockets bound by the prebind methods that the stack never took. */
    public synchronized void releasePreboundStreams() {
        closeQuietly(preboundTcp);
        closeQuietly(preboundTls);
        preboundTcp = null;
        preboundTls = null;
    }

    private synchronized SSLContext tls() throws IOException {
        if (serverTls == null) {
            throw new IOException("SIP over TLS is not configured (earpiece.sip.tls.*)");
        }
        return serverTls;
    }

    private SSLContext clientTls(InetAddress address, int port) throws IOException {
        SSLContext context = clientTls.contextFor(address, port);
        if (context == null) {
            throw new IOException("SIP over TLS is not configured (earpiece.sip.tls.*)");
        }
        return context;
    }

    private static void closeQuietly(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing an unused listening socket; nothing to do.
            }
        }
    }
}
