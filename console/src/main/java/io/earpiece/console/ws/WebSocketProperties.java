package io.earpiece.console.ws;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * WebSocket settings, bound from {@code earpiece.web-socket.*}.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}) besides the server's own whose pages may open
 *                       {@code /ws/**} with the session cookie, e.g. {@code https://console.example} when the console
 *                       is served from another host; empty (the default) allows the server's own origin only. Behind a
 *                       proxy that terminates TLS or changes the host, either list the public origin here or set
 *                       {@code server.forward-headers-strategy} so the server knows its public origin.
 */
@ConfigurationProperties("earpiece.web-socket")
public record WebSocketProperties(@DefaultValue({}) List<String> allowedOrigins) {
}
