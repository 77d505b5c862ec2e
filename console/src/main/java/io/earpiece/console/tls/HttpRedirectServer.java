package io.earpiece.console.tls;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.regex.Pattern;

/**
 * Plain HTTP beside HTTPS that only redirects: every request gets 308 (method and body kept, unlike 301) to the same
 * path and query on the HTTPS port, so old bookmarks and {@code http://} links land on the secure console. Nothing is
 * served in clear, not even the health check. Starts when the HTTPS server knows its port.
 */
public final class HttpRedirectServer implements ApplicationListener<ReactiveWebServerInitializedEvent> {
    private static final Logger log = LoggerFactory.getLogger(HttpRedirectServer.class);
    /** A host name or IPv4/IPv6 literal as a Host header may carry it, without the port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final String bindAddress;
    private final int port;
    private volatile DisposableServer server;

    /** @param port -1 for none */
    public HttpRedirectServer(String bindAddress, int port) {
        this.bindAddress = bindAddress;
        this.port = port;
    }

    @Override
    public void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
        if (port < 0 || server != null || event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int httpsPort = event.getWebServer().getPort();
        server = HttpServer.create().host(bindAddress).port(port)
                .handle((request, response) -> {
                    String target = "https://" + host(request.requestHeaders().get("Host")) + ":" + httpsPort
                            + request.uri();
                    return response.status(HttpResponseStatus.PERMANENT_REDIRECT).header("Location", target)
                            .header("Content-Length", "0").send();
                })
                .bindNow();
        log.info("plain HTTP on {}:{} redirects to HTTPS on port {}", bindAddress, port(), httpsPort);
    }

    /** The Host header's host without its port; the bind address when the header is missing or odd. */
    private String host(String header) {
        if (header != null) {
            String h = header.strip();
            int colon = h.lastIndexOf(':');
            if (colon > 0 && h.indexOf(']') < colon) {
                h = h.substring(0, colon);
            }
            if (HOST.matcher(h).matches()) {
                return h;
            }
        }
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "localhost" : bindAddress;
    }

    /** The bound port (the real one for port 0), or -1 when not listening. */
    public int port() {
        DisposableServer s = server;
        return s == null ? -1 : s.port();
    }

    public void stop() {
        DisposableServer s = server;
        if (s != null) {
            s.disposeNow();
        }
    }
}
