package io.earpiece.db.telephony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A SIP trunk as the admin entered it. Lists are stored comma-separated; the password only sealed (AES-GCM),
 * so a database dump does not give the carrier credentials away.
 */
@Entity
@Table(name = "sip_trunks")
public class TrunkEntity {

    @Id
    private String id;

    @Column(nullable = false)
    private String host;

    @Column(nullable = false)
    private int port;

    @Column(nullable = false)
    private String transport;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_sealed")
    private String passwordSealed;

    private String realm;

    @Column(name = "caller_id")
    private String callerId;

    @Column(nullable = false)
    private String codecs;

    @Column(name = "allowed_sources", nullable = false)
    private String allowedSources;

    @Column(name = "register_interval_s", nullable = false)
    private int registerIntervalS;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Media encryption: off, optional or mandatory (V17). */
    @Column(nullable = false, length = 16)
    private String srtp = "optional";

    /** The carrier certificate's SHA-256 fingerprint, for a TLS trunk checked by pin (V31). */
    /** Number prefixes this trunk takes, comma-separated ('X': any digit); empty: every number. */
    @Column(name = "route_patterns", nullable = false, length = 512)
    private String routePatterns = "";

    /** Lower is tried first among the trunks that take a number. */
    @Column(name = "route_priority", nullable = false)
    private int routePriority = 100;

    @Column(name = "tls_server_pin", length = 100)
    private String tlsServerPin;

    @Column(name = "tls_trusted_ca", length = 1024)
    private String tlsTrustedCa;

    @Column(name = "tls_client_certificate", length = 1024)
    private String tlsClientCertificate;

    @Column(name = "tls_client_key", length = 1024)
    private String tlsClientKey;

    protected TrunkEntity() {
    }

    public TrunkEntity(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets every field but the password, which changes only when a new one is given. */
    public void update(String host, int port, String transport, String username, String realm, String callerId,
                       String codecs, String allowedSources, int registerIntervalS, boolean enabled, Instant at) {
        this.host = host;
        this.port = port;
        this.transport = transport;
        this.username = username;
        this.realm = realm;
        this.callerId = callerId;
        this.codecs = codecs;
        this.allowedSources = allowedSources;
        this.registerIntervalS = registerIntervalS;
        this.enabled = enabled;
        this.updatedAt = at;
    }

    public void setPasswordSealed(String passwordSealed) {
        this.passwordSealed = passwordSealed;
    }

    public String getId() { return id; }
    public String getHost() { return host; }
    public int getPort() { return port; }
    public String getTransport() { return transport; }
    public String getUsername() { return username; }
    public String getPasswordSealed() { return passwordSealed; }
    public String getRealm() { return realm; }
    public String getCallerId() { return callerId; }
    public String getCodecs() { return codecs; }
    public String getAllowedSources() { return allowedSources; }
    public int getRegisterIntervalS() { return registerIntervalS; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    public String getSrtp() { return srtp; }
    public String getTlsServerPin() { return tlsServerPin; }
    public String getTlsTrustedCa() { return tlsTrustedCa; }
    public String getTlsClientCertificate() { return tlsClientCertificate; }
    public String getTlsClientKey() { return tlsClientKey; }

    /** A TLS trunk's server check (pin or CA file) and client certificate (paths of PEM files); nulls for none. */
    public void setTls(String serverPin, String trustedCa, String clientCertificate, String clientKey, Instant at) {
        this.tlsServerPin = serverPin;
        this.tlsTrustedCa = trustedCa;
        this.tlsClientCertificate = clientCertificate;
        this.tlsClientKey = clientKey;
        this.updatedAt = at;
    }

    public void setSrtp(String srtp, Instant at) {
        this.srtp = srtp;
        this.updatedAt = at;
    }

    public String getRoutePatterns() {
        return routePatterns;
    }

    public int getRoutePriority() {
        return routePriority;
    }

    public void setRoute(String routePatterns, int routePriority, Instant now) {
        this.routePatterns = routePatterns == null ? "" : routePatterns;
        this.routePriority = routePriority;
        this.updatedAt = now;
    }
}
