package io.earpiece.db.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One party's leg of a call: its media details, packet counters and recording. */
@Entity
@Table(name = "call_parties")
public class PartyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private String callId;

    @Column(nullable = false)
    private String party;

    @Column(name = "leg_id", nullable = false)
    private String legId;

    private String codec;

    @Column(name = "remote_address")
    private String remoteAddress;

    @Column(name = "local_port")
    private Integer localPort;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "packets_received", nullable = false)
    private long packetsReceived;

    @Column(name = "packets_lost", nullable = false)
    private long packetsLost;

    @Column(name = "packets_dropped", nullable = false)
    private long packetsDropped;

    @Column(name = "bytes_received", nullable = false)
    private long bytesReceived;

    @Column(name = "jitter_ms", nullable = false)
    private double jitterMs;

    @Column(name = "recording_path")
    private String recordingPath;

    /** udp, tcp or tls: how the leg's INVITE came; null when not known. */
    @Column(name = "sip_transport", length = 8)
    private String sipTransport;

    /** Whether the leg's media was SRTP; null when not known. */
    @Column(name = "srtp")
    private Boolean srtp;

    protected PartyEntity() {
    }

    public PartyEntity(String callId, String party, String legId, String codec, String remoteAddress,
                       Integer localPort, String recordingPath, Instant startedAt) {
        this.callId = callId;
        this.party = party;
        this.legId = legId;
        this.codec = codec;
        this.remoteAddress = remoteAddress;
        this.localPort = localPort;
        this.recordingPath = recordingPath;
        this.startedAt = startedAt;
    }

    /** How the leg was carried: its SIP transport and whether its media was SRTP (null: not known). */
    public void carried(String sipTransport, Boolean srtp) {
        this.sipTransport = sipTransport;
        this.srtp = srtp;
    }

    /** The leg's codec from now on (a relayed re-INVITE changed it). */
    public void codec(String codec) {
        this.codec = codec;
    }

    /** Records the leg's final counters when it ends. */
    public void end(Instant at, long received, long lost, long dropped, long bytes, double jitter) {
        this.endedAt = at;
        this.packetsReceived = received;
        this.packetsLost = lost;
        this.packetsDropped = dropped;
        this.bytesReceived = bytes;
        this.jitterMs = jitter;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getParty() { return party; }
    public String getLegId() { return legId; }
    public String getCodec() { return codec; }
    public String getRemoteAddress() { return remoteAddress; }
    public Integer getLocalPort() { return localPort; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public long getPacketsReceived() { return packetsReceived; }
    public long getPacketsLost() { return packetsLost; }
    public long getPacketsDropped() { return packetsDropped; }
    public long getBytesReceived() { return bytesReceived; }
    public double getJitterMs() { return jitterMs; }
    public String getRecordingPath() { return recordingPath; }
    public String getSipTransport() { return sipTransport; }
    public Boolean getSrtp() { return srtp; }
}
