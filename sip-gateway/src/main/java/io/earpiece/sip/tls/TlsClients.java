package io.earpiece.sip.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The TLS context Earpiece connects with, per destination: a trunk's own (its pinned certificate or CA, its client
 * certificate for mutual TLS), else the gateway's default. Keyed by resolved address and port because that is all
 * the stack hands the socket factory when it opens a connection.
 */
public final class TlsClients {
    private final Map<InetSocketAddress, SSLContext> byDestination = new ConcurrentHashMap<>();
    private volatile SSLContext fallback;

    /** The context for destinations no trunk claims; null until TLS is configured. */
    public void fallback(SSLContext context) {
        this.fallback = context;
    }

    /** Connections to {@code host:port} use {@code context} from now on (replacing an earlier one). */
    public void use(String host, int port, SSLContext context) throws UnknownHostException {
        byDestination.put(new InetSocketAddress(InetAddress.getByName(host), port), context);
    }

    /** The context for a connection to {@code address:port}, or null when TLS is not configured at all. */
    public SSLContext contextFor(InetAddress address, int port) {
        SSLContext own = byDestination.get(new InetSocketAddress(address, port));
        return own != null ? own : fallback;
    }
}
