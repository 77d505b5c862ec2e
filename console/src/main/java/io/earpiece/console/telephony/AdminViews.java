package io.earpiece.console.telephony;

import io.earpiece.db.telephony.CallDetailEntity;
import io.earpiece.db.telephony.DidRouteEntity;
import io.earpiece.db.telephony.SipBindingEntity;
import io.earpiece.db.telephony.SipUserEntity;
import io.earpiece.db.telephony.TrunkEntity;
import io.earpiece.sip.trunk.TrunkStatus;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the telephony admin API. Secrets only ever travel inwards: no view carries one. */
public final class AdminViews {

    private AdminViews() {
    }

    /**
     * A trunk as entered by the admin; {@code password} is write-only (omit it on update to keep the stored one).
     *
     * @param registerIntervalSeconds 0 for an IP-authenticated trunk that needs no registration
     * @param srtp                    the carrier leg's media encryption: off, optional (default) or mandatory
     * @param transport               udp (default), tcp or tls: REGISTER and outgoing calls go over it
     * @param tls                     for a tls trunk: how the carrier's certificate is checked, and the client
     *                                certificate shown; omitted on update: kept
     * @param routePatterns           number prefixes this trunk takes for outgoing calls (digits, +, *, #; X any
     *                                digit); empty: every number; omitted on update: kept
     * @param routePriority           lower is tried first among the trunks that take a number (default 100);
     *                                omitted on update: kept
     */
    public record TrunkRequest(String id, String host, Integer port, String transport, String username,
                               String password, String realm, String callerId, List<String> codecs,
                               List<String> allowedSources, Integer registerIntervalSeconds, Boolean enabled,
                               String srtp, TrunkTlsSettings tls, List<String> routePatterns,
                               Integer routePriority) {
        @Override
        public String toString() {
            return "TrunkRequest[id=" + id + ", host=" + host + ", port=" + port + ", password=***]";
        }
    }

    /** A trunk with its live registration status; {@code passwordSet} says whether a password is stored. */
    public record TrunkView(String id, String host, int port, String transport, String username, boolean passwordSet,
                            String realm, String callerId, List<String> codecs, List<String> allowedSources,
                            int registerIntervalSeconds, boolean enabled, TrunkStatusView status,
                            Instant createdAt, Instant updatedAt, String srtp, TrunkTlsSettings tls,
                            List<String> routePatterns, int routePriority) {
    }

    /**
     * A TLS trunk's certificates: files on the Earpiece host (PEM), never their contents; nothing here is secret.
     *
     * @param serverPin         SHA-256 fingerprint of the carrier's certificate (hex, colons allowed): only that
     *                          certificate is accepted
     * @param trustedCa         else: CA file the carrier's certificate must chain to; neither: earpiece.sip.tls
     *                          .trunk-trusted-ca, else the JDK's trusted CAs
     * @param clientCertificate mutual TLS: the certificate chain Earpiece shows the carrier
     * @param clientKey         its private key
     */
    public record TrunkTlsSettings(String serverPin, String trustedCa, String clientCertificate, String clientKey) {
    }

    /**
     * Registration status: REGISTERED, REGISTERING, FAILING (with the last response) or STOPPED (not the active
     * trunk).
     */
    public record TrunkStatusView(String state, int lastStatus, String lastReason, Instant registeredUntil,
                                  Instant nextAttempt) {
    }

    /**
     * A new SIP user, or a new password or media encryption for one.
     *
     * @param srtp the leg to this rep's devices: off, optional (default) or mandatory; on update, omit the password
     *             to change only this
     */
    public record SipUserRequest(String username, String password, String srtp) {
        @Override
        public String toString() {
            return "SipUserRequest[username=" + username + ", password=***]";
        }
    }

    /** A rep's SIP account and its registered devices. */
    public record SipUserView(String username, String realm, List<DeviceView> devices, Instant createdAt,
                              Instant updatedAt, String srtp) {
    }

    /** One registered device. */
    public record DeviceView(String contact, String source, Instant expiresAt, String userAgent) {
    }

    /** Which rep takes calls to a DID. */
    public record DidRouteRequest(String rep) {
    }

    public record DidRouteView(String did, String rep, Instant createdAt) {
    }

    /**
     * A relayed call's detail record; {@code conversationId} finds the call (parties, transcript) in /api/calls.
     */
    public record CallDetailView(String id, String conversationId, String direction, String rep, String remote,
                                 String trunkId, Instant startedAt, Instant answeredAt, Instant endedAt,
                                 String disposition, int finalStatus, String endedBy, long repPacketsForwarded,
                                 long customerPacketsForwarded) {
    }

    static TrunkView trunk(TrunkEntity e, TrunkStatus s) {
        TrunkStatusView status = s == null
                ? new TrunkStatusView(TrunkStatus.State.STOPPED.name(), 0,
                        e.isEnabled() ? "not the active trunk" : "disabled", null, null)
                : new TrunkStatusView(s.state().name(), s.lastStatus(), s.lastReason(), s.registeredUntil(),
                        s.nextAttempt());
        return new TrunkView(e.getId(), e.getHost(), e.getPort(), e.getTransport(), e.getUsername(),
                e.getPasswordSealed() != null, e.getRealm(), e.getCallerId(), TrunkRuntime.split(e.getCodecs()),
                TrunkRuntime.split(e.getAllowedSources()), e.getRegisterIntervalS(), e.isEnabled(), status,
                e.getCreatedAt(), e.getUpdatedAt(), e.getSrtp(), new TrunkTlsSettings(e.getTlsServerPin(),
                        e.getTlsTrustedCa(), e.getTlsClientCertificate(), e.getTlsClientKey()),
                TrunkRuntime.split(e.getRoutePatterns()), e.getRoutePriority());
    }

    static SipUserView user(SipUserEntity u, List<SipBindingEntity> devices) {
        return new SipUserView(u.getUsername(), u.getRealm(), devices.stream()
                .map(b -> new DeviceView(b.getContact(), b.getSource(), b.getExpiresAt(), b.getUserAgent())).toList(),
                u.getCreatedAt(), u.getUpdatedAt(), u.getSrtp());
    }

    /** A request's srtp value as stored (lower case), or {@code fallback} when absent; 400 when not a policy. */
    static String srtp(String requested, String fallback) {
        if (requested == null) {
            return fallback;
        }
        try {
            return io.earpiece.sip.sdp.SrtpPolicy.parse(requested).label();
        } catch (IllegalArgumentException e) {
            throw new io.earpiece.console.api.FieldRefusal("srtp", e.getMessage());
        }
    }

    static DidRouteView route(DidRouteEntity r) {
        return new DidRouteView(r.getDid(), r.getRepUsername(), r.getCreatedAt());
    }

    static CallDetailView detail(CallDetailEntity d) {
        return new CallDetailView(d.getId(), d.getConversationId(), d.getDirection(), d.getRepUsername(),
                d.getRemote(), d.getTrunkId(), d.getStartedAt(), d.getAnsweredAt(), d.getEndedAt(),
                d.getDisposition(), d.getFinalStatus(), d.getEndedBy(), d.getRepPacketsForwarded(),
                d.getCustomerPacketsForwarded());
    }
}
