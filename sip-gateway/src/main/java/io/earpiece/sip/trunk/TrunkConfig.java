package io.earpiece.sip.trunk;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A SIP trunk to a carrier or PBX, as an admin enters it.
 *
 * @param id               stable name used in logs and status
 * @param host             registrar/proxy host (an IP literal or name)
 * @param transport        udp, tcp or tls: what REGISTER and outgoing INVITEs use (Via, Contact, Request-URI)
 * @param realm            the digest realm expected from the carrier, or null to answer any
 * @param callerId         the user part placed in From on outbound calls, e.g. the company number
 * @param codecs           encoding names in preference order, e.g. PCMU, PCMA
 * @param allowedSources   IP addresses inbound calls from this trunk may come from; empty means {@code host}
 * @param registerInterval registration expiry to ask for; zero disables registration (IP-authenticated trunks)
 * @param tls              how the server is checked and whether a client certificate is shown (transport tls)
 */
public record TrunkConfig(String id, String host, int port, String transport, String username, String password,
                          String realm, String callerId, List<String> codecs, List<String> allowedSources,
                          Duration registerInterval, TrunkTls tls) {

    /** Transports a trunk may use. */
    public static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

    /** A trunk with the default TLS settings (meaningful only over TLS). */
    public TrunkConfig(String id, String host, int port, String transport, String username, String password,
                       String realm, String callerId, List<String> codecs, List<String> allowedSources,
                       Duration registerInterval) {
        this(id, host, port, transport, username, password, realm, callerId, codecs, allowedSources,
                registerInterval, TrunkTls.DEFAULTS);
    }

    public TrunkConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new TrunkConfigException("port", "port out of range: " + port);
        }
        transport = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            throw new TrunkConfigException("transport", "unsupported transport " + transport + " (udp, tcp or tls)");
        }
        tls = tls == null ? TrunkTls.DEFAULTS : tls;
        Objects.requireNonNull(username, "username");
        codecs = codecs == null || codecs.isEmpty() ? List.of("PCMU", "PCMA") : List.copyOf(codecs);
        allowedSources = allowedSources == null ? List.of() : List.copyOf(allowedSources);
        registerInterval = registerInterval == null ? Duration.ofMinutes(5) : registerInterval;
        if (registerInterval.isNegative()) {
            throw new TrunkConfigException("registerInterval", "negative registerInterval");
        }
        headerSafe("id", id);
        headerSafe("host", host);
        headerSafe("username", username);
        headerSafe("realm", realm);
        headerSafe("callerId", callerId);
        codecs.forEach(c -> headerSafe("codecs", c));
        allowedSources.forEach(s -> headerSafe("allowedSources", s));
    }

    /**
     * Refuses control characters in a value that goes into SIP headers or SDP (Request-URI, From, To, digest
     * parameters): a CR or LF there would end the header and let the value add headers of its own.
     */
    private static void headerSafe(String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new TrunkConfigException(field, field
                    + " must not contain a control character (such as CR, LF or tab):"
                    + " it goes into SIP headers");
        }
    }

    /** Whether an inbound request from this IP address may belong to the trunk. */
    public boolean allows(String sourceIp) {
        return allowedSources.isEmpty() ? host.equals(sourceIp) : allowedSources.contains(sourceIp);
    }

    /** The password is a secret: never printed. */
    @Override
    public String toString() {
        return "TrunkConfig[id=" + id + ", host=" + host + ", port=" + port + ", transport=" + transport
                + ", username=" + username
                + ", realm=" + realm + ", callerId=" + callerId + ", codecs=" + codecs + ", allowedSources="
                + allowedSources + ", registerInterval=" + registerInterval + ", tls=" + tls + "]";
    }
}
