package io.earpiece.sip.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The TLS context Earpiece connects with, per destination: a trunk's own (its pinned certificate or CA, its client
 * certificate for mutual TLS), else the gateway's default. Keyed by resolved address and port because that is all
 * the stack hands the socket factory when it opens a connection.
 */
public final class TlsClients {
    private final Map<InetSocketAddress, Built> byDestination = new ConcurrentHashMap<>();
    private volatile SSLContext fallback;

    /** The context for destinations no trunk claims; null until TLS is configured. */
    public void fallback(SSLContext context) {
        this.fallback = context;
    }

    /**
     * Connections to {@code host:port} use the context {@code build} makes for {@code settings} from now on. One
     * already in use for equal settings is kept (no files read again: each outgoing call asks); other settings
     * replace it.
     *
     * @param settings what the context is built from, equal while nothing it depends on has changed
     */
    public void use(String host, int port, Object settings, Supplier<SSLContext> build) throws UnknownHostException {
        InetSocketAddress destination = new InetSocketAddress(InetAddress.getByName(host), port);
        Built now = byDestination.get(destination);
        if (now == null || !now.settings.equals(settings)) {
            byDestination.put(destination, new Built(settings, build.get()));
        }
    }

    /** The context for a connection to {@code address:port}, or null when TLS is not configured at all. */
    public SSLContext contextFor(InetAddress address, int port) {
        Built own = byDestination.get(new InetSocketAddress(address, port));
        return own != null ? own.context : fallback;
    }

    private record Built(Object settings, SSLContext context) {
    }
}
