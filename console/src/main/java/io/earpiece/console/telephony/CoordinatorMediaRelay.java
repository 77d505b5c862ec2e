package io.earpiece.console.telephony;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.media.AudioCodec;
import io.earpiece.media.MediaRelay.Side;
import io.earpiece.media.RelayStats;
import io.earpiece.sip.b2bua.MediaRelay;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The B2BUA's media anchor on the media server: each relayed call becomes a call of the {@link CallCoordinator}
 * whose two parties (rep, customer) are the relay's per-direction taps, recorded and transcribed. Hold changes
 * reach the relay and are recorded as call events; when the coordinator ends a call (media timeout, shutdown) it
 * hangs up the signalling through {@code hangup}, given the B2BUA's call id.
 */
public final class CoordinatorMediaRelay implements MediaRelay {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorMediaRelay.class);

    private final CallCoordinator coordinator;
    private final String mediaHost;
    private final InviteScope scope;
    private final Consumer<String> hangup;

    public CoordinatorMediaRelay(CallCoordinator coordinator, String mediaHost, InviteScope scope,
                                 Consumer<String> hangup) {
        this.coordinator = coordinator;
        this.mediaHost = mediaHost;
        this.scope = scope;
        this.hangup = hangup;
    }

    @Override
    public Relay open(String callId, boolean repIsLegA) throws IOException {
        InviteScope.Invite invite = scope.current();
        io.earpiece.media.MediaRelay relay;
        try {
            relay = coordinator.openRelayCall(callId, invite.from(), invite.to(), repIsLegA, invite.payloadType(),
                    invite.telephoneEventPt(), () -> hangup.accept(callId));
        } catch (LegRejectedException e) {
            throw new IOException("media relay refused: " + e.getMessage(), e);
        }
        AnchoredRelay anchored = new AnchoredRelay(callId, repIsLegA, relay, invite.payloadType());
        scope.opened(anchored);
        return anchored;
    }

    /** One relayed call's endpoints; remembers the forwarding counters it had when it closed. */
    final class AnchoredRelay implements Relay {
        private final String conversationId;
        private final boolean repIsLegA;
        private final io.earpiece.media.MediaRelay relay;
        /**
         * Each side's audio payload type as last agreed (A, B), kept when only an address changes; the B2BUA calls
         * under its call's monitor.
         */
        private final int[] payloadTypes;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long forwardedFromA;
        private volatile long forwardedFromB;

        AnchoredRelay(String conversationId, boolean repIsLegA, io.earpiece.media.MediaRelay relay, int payloadType) {
            this.conversationId = conversationId;
            this.repIsLegA = repIsLegA;
            this.relay = relay;
            this.payloadTypes = new int[]{payloadType, payloadType};
        }

        String conversationId() {
            return conversationId;
        }

        @Override
        public InetSocketAddress legA() {
            return new InetSocketAddress(mediaHost, relay.aLocalPort());
        }

        @Override
        public InetSocketAddress legB() {
            return new InetSocketAddress(mediaHost, relay.bLocalPort());
        }

        @Override
        public void remoteA(InetSocketAddress remote) {
            update(Side.A, remote);
        }

        @Override
        public void remoteB(InetSocketAddress remote) {
            update(Side.B, remote);
        }

        /** An RFC 2543 hold names the null address: the peer keeps the address it had (hold comes separately). */
        private void update(Side side, InetSocketAddress remote) {
            if (remote == null || remote.getAddress() == null || remote.getAddress().isAnyLocalAddress()) {
                return;
            }
            relay.updateRemote(side, remote, payloadTypes[side.ordinal()]);
        }

        @Override
        public void format(boolean legA, io.earpiece.sip.b2bua.RelayPlan.LegFormat format) {
            Side side = legA ? Side.A : Side.B;
            AudioCodec codec;
            try {
                codec = AudioCodec.valueOf(format.codec().name());
            } catch (IllegalArgumentException e) {
                log.warn("relay {}: side {} keeps its codec; {} is not one the relay has", conversationId, side,
                        format.codec().name());
                return;
            }
            try {
                relay.format(side, codec, format.codec().payloadType(), format.telephoneEventPt());
                if (payloadTypes[side.ordinal()] != format.codec().payloadType()) {
                    // Stored only when it changed: most answers and re-INVITEs keep the codec.
                    payloadTypes[side.ordinal()] = format.codec().payloadType();
                    coordinator.relayCodec(conversationId, side, codec.name());
                }
            } catch (IllegalArgumentException e) {
                log.warn("relay {}: side {} keeps its format: {}", conversationId, side, e.getMessage());
            }
        }

        @Override
        public void srtp(boolean legA, io.earpiece.sip.sdp.SdesSession keys) {
            relay.srtp(legA ? Side.A : Side.B, io.earpiece.console.call.SdesKeys.both(keys));
        }

        @Override
        public void carried(boolean legA, String sipTransport, boolean srtp) {
            coordinator.relayCarried(conversationId, legA ? Side.A : Side.B, sipTransport, srtp);
        }

        @Override
        public void hold(boolean legA, boolean held, boolean requested) {
            Side side = legA ? Side.A : Side.B;
            relay.hold(side, held);
            if (requested) {
                coordinator.relayHoldChanged(conversationId, side, held);
            }
        }

        /** Packets the rep's phone sent that reached the customer's side (final once closed). */
        long forwardedFromRep() {
            return closed.get() ? (repIsLegA ? forwardedFromA : forwardedFromB)
                    : forwarded(repIsLegA ? Side.A : Side.B);
        }

        long forwardedFromCustomer() {
            return closed.get() ? (repIsLegA ? forwardedFromB : forwardedFromA)
                    : forwarded(repIsLegA ? Side.B : Side.A);
        }

        private long forwarded(Side side) {
            RelayStats s = relay.stats(side);
            return s == null ? 0 : s.packetsForwarded();
        }

        @Override
        public void close() {
            if (closed.get()) {
                return;
            }
            forwardedFromA = forwarded(Side.A);
            forwardedFromB = forwarded(Side.B);
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            log.debug("relay {} closing: {} packets A->B, {} B->A", conversationId, forwardedFromA, forwardedFromB);
            // The coordinator closes the relay and flushes both taps when the legs end.
            coordinator.ended(conversationId + "/a", EndReason.REMOTE_BYE);
            coordinator.ended(conversationId + "/b", EndReason.REMOTE_BYE);
        }
    }
}
