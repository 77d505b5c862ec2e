package io.earpiece.media.relay;

import io.earpiece.media.MediaRelay.Side;
import io.earpiece.media.RelayLegSpec;
import io.earpiece.media.RelayStats;
import io.earpiece.media.leg.DropReason;
import io.earpiece.media.leg.MediaTimeoutWatch;
import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParseException;
import io.earpiece.media.rtp.RtpParser;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpException;
import io.earpiece.media.srtp.SrtpKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;

/**
 * A relayed call's forwarding logic, free of I/O: decrypts an SRTP side's datagrams first (so checks, translation
 * and the tap only see authenticated RTP), checks each datagram (RTP, source, payload type), latches
 * the sender, sends it on toward the other phone through {@link PacketOut} at once, then offers a copy to the
 * sender's tap, which may refuse it without affecting forwarding. Packets toward an SRTP side are encrypted with
 * the key Earpiece gave that side, so no clear RTP leaves toward it. Also owns hold and per-side media timeouts.
 * Every method except {@link #stats} must be called from one thread (the relay's event loop).
 */
public final class RelayCore {

    private static final Logger log = LoggerFactory.getLogger(RelayCore.class);

    /** One phone's state: what it negotiated, where it is, and counters of what it sent. */
    private static final class Party {
        final Side side;
        final String legId;
        final SymmetricPeer peer;
        final PartyTap tap;
        final MediaTimeoutWatch timeout;
        RtpFormat format;
        boolean held;
        volatile InetSocketAddress target;
        volatile long received;
        volatile long forwarded;
        volatile long notForwarded;
        volatile long malformed;
        volatile long wrongSource;
        volatile long wrongPayloadType;
        volatile long srtpAuthFailed;
        volatile long srtpReplayed;
        volatile SrtpKeys keys;
        SrtpContext decrypt;
        SrtpContext encrypt;

        Party(Side side, RelayLegSpec spec, PartyTap tap, long timeoutNanos, long nowNanos) {
            this.side = side;
            this.legId = spec.legId();
            this.peer = new SymmetricPeer(spec.remote(), spec.latch());
            this.tap = tap;
            this.timeout = new MediaTimeoutWatch(timeoutNanos, nowNanos);
            this.format = new RtpFormat(spec.codec(), spec.payloadType(), spec.telephoneEventPt());
            this.target = peer.target();
            useKeys(spec.srtp());
        }

        /** New keys; the same keys keep both contexts (rollover counters, replay window). */
        void useKeys(SrtpKeys newKeys) {
            if (newKeys == null) {
                decrypt = null;
                encrypt = null;
            } else if (!newKeys.equals(keys)) {
                if (keys == null || !newKeys.receive().equals(keys.receive())) {
                    decrypt = new SrtpContext(newKeys.receive());
                }
                if (keys == null || !newKeys.send().equals(keys.send())) {
                    encrypt = new SrtpContext(newKeys.send());
                }
            }
            keys = newKeys;
        }
    }

    private final Map<Side, Party> parties = new EnumMap<>(Side.class);
    private final Map<Side, RelayDirection> directions = new EnumMap<>(Side.class);
    private final PacketOut out;
    private final PacketCounters counters;
    private final RtpParser parser = new RtpParser();

    /**
     * @param timeoutNanos report a side that sent nothing for this long (0 never)
     * @param counters     server-wide counters this relay adds to
     */
    public RelayCore(RelayLegSpec a, RelayLegSpec b, PartyTap aTap, PartyTap bTap, long timeoutNanos,
                     PacketOut out, PacketCounters counters, long nowNanos) {
        parties.put(Side.A, new Party(Side.A, a, aTap, timeoutNanos, nowNanos));
        parties.put(Side.B, new Party(Side.B, b, bTap, timeoutNanos, nowNanos));
        this.out = out;
        this.counters = counters;
        rebuildDirections();
    }

    /** Handles one datagram that arrived at {@code side}'s socket. */
    public void onDatagram(Side side, InetSocketAddress sender, byte[] wire, long nowNanos) {
        Party from = parties.get(side);
        counters.countDatagram();
        if (from.decrypt != null) {
            try {
                wire = from.decrypt.unprotect(wire);
            } catch (SrtpException e) {
                log.debug("relay {}: dropping SRTP datagram from {}: {}", from.legId, sender, e.getMessage());
                switch (e.reason()) {
                    case MALFORMED -> from.malformed++;
                    case AUTH_FAILED -> from.srtpAuthFailed++;
                    case REPLAYED -> from.srtpReplayed++;
                }
                counters.countDropped(DropReason.of(e.reason()));
                return;
            }
        }
        RtpPacket packet;
        try {
            packet = parser.parse(wire);
        } catch (RtpParseException e) {
            log.debug("relay {}: dropping datagram from {}: {}", from.legId, sender, e.getMessage());
            from.malformed++;
            counters.countDropped(DropReason.MALFORMED);
            return;
        }
        if (!from.peer.admits(sender)) {
            from.wrongSource++;
            counters.countDropped(DropReason.WRONG_SOURCE);
            return;
        }
        if (!from.format.admits(packet.payloadType())) {
            from.wrongPayloadType++;
            counters.countDropped(DropReason.WRONG_PAYLOAD_TYPE);
            return;
        }
        from.peer.accepted(sender);
        from.target = from.peer.target();
        from.received++;
        from.timeout.onPacket(nowNanos);
        counters.countAccepted();
        forward(from, packet, wire);
        if (!suspended()) {
            from.tap.offer(sender, wire, nowNanos);
        }
    }

    private void forward(Party from, RtpPacket packet, byte[] wire) {
        Party to = parties.get(from.side.other());
        InetSocketAddress target = to.target;
        byte[] datagram = to.held || target == null ? null : directions.get(from.side).translate(packet, wire);
        if (datagram != null && to.encrypt != null) {
            try {
                datagram = to.encrypt.protect(datagram);
            } catch (SrtpException e) {
                // Cannot happen for a packet that parsed as RTP; never send it in the clear instead.
                log.debug("relay {}: cannot encrypt toward {}: {}", from.legId, to.legId, e.getMessage());
                datagram = null;
            }
        }
        if (datagram == null) {
            from.notForwarded++;
            return;
        }
        out.send(to.side, target, datagram);
        from.forwarded++;
    }

    /** Periodic work: reports sides that went quiet, unless the call is on hold. */
    public void tick(long nowNanos) {
        if (suspended()) {
            return;
        }
        for (Party party : parties.values()) {
            if (party.timeout.expired(nowNanos)) {
                party.tap.mediaTimedOut();
            }
        }
    }

    /** A re-INVITE on {@code side}: new address (latching afresh) and possibly a new format. */
    public void update(Side side, InetSocketAddress remote, RtpFormat format) {
        Party party = parties.get(side);
        party.peer.expect(remote);
        party.target = party.peer.target();
        format(side, format);
    }

    /** An offer/answer changed what {@code side} sends and expects; its address stays. */
    public void format(Side side, RtpFormat format) {
        Party party = parties.get(side);
        if (!format.equals(party.format)) {
            party.format = format;
            party.tap.formatChanged(format);
            rebuildDirections();
        }
    }

    /** A re-INVITE on {@code side} re-keyed SRTP or switched it on or off (null). */
    public void srtp(Side side, SrtpKeys keys) {
        parties.get(side).useKeys(keys);
    }

    public RtpFormat format(Side side) {
        return parties.get(side).format;
    }

    public void hold(Side side, boolean onHold, long nowNanos) {
        parties.get(side).held = onHold;
        if (!suspended()) {
            // The quiet time of the hold must not count toward a media timeout.
            for (Party party : parties.values()) {
                party.timeout.onPacket(nowNanos);
            }
        }
    }

    /** Safe from any thread. */
    public RelayStats stats(Side side) {
        Party p = parties.get(side);
        return new RelayStats(p.target, p.received, p.forwarded, p.notForwarded, p.malformed, p.wrongSource,
                p.wrongPayloadType, p.tap.dropped(), p.tap.stats(), p.keys != null, p.srtpAuthFailed, p.srtpReplayed);
    }

    private boolean suspended() {
        return parties.get(Side.A).held || parties.get(Side.B).held;
    }

    private void rebuildDirections() {
        for (Side side : Side.values()) {
            RtpFormat from = parties.get(side).format;
            RtpFormat to = parties.get(side.other()).format;
            RelayDirection current = directions.get(side);
            // Keep codec state and the timestamp mapping unless this direction's formats really changed.
            if (current == null || !current.from().equals(from) || !current.to().equals(to)) {
                directions.put(side, new RelayDirection(from, to));
            }
        }
    }
}
