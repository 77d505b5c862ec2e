package io.earpiece.console.dial;

import io.earpiece.console.call.CallCoordinator;
import io.earpiece.console.telephony.TrunkRuntime;
import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.send.RtpSendStream;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegRejectedException;
import io.earpiece.sip.dial.DialListener;
import io.earpiece.sip.dial.DialOut;
import io.earpiece.sip.dial.DialTarget;
import io.earpiece.sip.trunk.OutboundRouting;
import io.earpiece.sip.trunk.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Invites Earpiece to a meeting: dials the bridge through the enabled trunks in order (the next one when a trunk
 * fails with 5xx or 408, not when the bridge is busy or declines) as a silent participant, listens to the
 * bridge's prompt until it ends (by its energy), enters the PIN and {@code #} as DTMF, and from then on transcribes
 * the meeting as one {@code mixed} party until the bridge or the rep hangs up. The prompt is recorded, not
 * transcribed.
 */
public final class BridgeDialer {
    private static final Logger log = LoggerFactory.getLogger(BridgeDialer.class);
    /** Ended dials kept for the API to report on, newest last. */
    private static final int KEEP_ENDED = 200;
    private static final Duration CHECK = Duration.ofMillis(50);

    private final DialOut dialOut;
    private final TrunkRuntime trunks;
    private final CallCoordinator coordinator;
    private final DialProperties properties;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Dial> dials = new LinkedHashMap<>();

    public BridgeDialer(DialOut dialOut, TrunkRuntime trunks, CallCoordinator coordinator, DialProperties properties,
                        ScheduledExecutorService scheduler) {
        this.dialOut = dialOut;
        this.trunks = trunks;
        this.coordinator = coordinator;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /**
     * Places the call and returns at once (the call id is known before the bridge answers).
     *
     * @param from the SIP URI the call is stored with as From, naming the rep (so it lands in their list)
     */
    public DialView dial(DialRequest.Valid request, String rep, String from) throws DialRefusedException {
        List<TrunkConfig> route = trunks.outboundTrunks(request.number());
        if (route.isEmpty()) {
            throw new DialRefusedException(409, "no enabled trunk takes " + request.number()
                    + ": add one, or a route pattern for it, under Admin → Trunks");
        }
        TrunkConfig trunk = route.get(0);
        String legId = "dial-" + UUID.randomUUID();
        String to = "sip:" + request.number() + "@" + trunk.host();
        Dial dial = new Dial(legId, request, rep, route);
        CallCoordinator.OutboundLeg leg;
        try {
            leg = coordinator.openOutbound(legId, from, to, dial, dial::transcribing, dial::hangUp);
        } catch (LegRejectedException e) {
            throw new DialRefusedException(e.status() == 503 ? 503 : 409, e.getMessage());
        }
        dial.leg = leg;
        synchronized (this) {
            dials.put(leg.callId(), dial);
            trim();
        }
        if (request.title() != null) {
            coordinator.dialEvent(legId, "dial", request.title());
        }
        try {
            synchronized (dial) {
                dial.sipCallId = dialOut.dial(new DialTarget(trunk, request.number()), leg.local(), dial);
                dial.trunk = trunk.id();
            }
        } catch (Exception e) {
            log.warn("could not dial {}", request.number(), e);
            dial.failed(503, "could not send the INVITE: " + e.getMessage());
            throw new DialRefusedException(503, "could not place the call: " + e.getMessage());
        }
        return dial.view();
    }

    /** The dial of this call, if Earpiece placed it (recently). */
    public synchronized Optional<DialView> find(String callId) {
        Dial d = dials.get(callId);
        return d == null ? Optional.empty() : Optional.of(d.view());
    }

    /** Whose call a dial is, if Earpiece placed it. */
    public synchronized Optional<String> repOf(String callId) {
        Dial d = dials.get(callId);
        return d == null ? Optional.empty() : Optional.of(d.rep);
    }

    /** The dials of one rep (or everyone's with null), oldest first. */
    public synchronized List<DialView> list(String rep) {
        Collection<Dial> all = dials.values();
        return all.stream().filter(d -> rep == null || rep.equals(d.rep)).map(Dial::view).toList();
    }

    /** Hangs up a dialled call (CANCEL while it rings, BYE once answered). */
    public Optional<DialView> hangUp(String callId) {
        Dial d;
        synchronized (this) {
            d = dials.get(callId);
        }
        if (d == null) {
            return Optional.empty();
        }
        d.hangUp();
        return Optional.of(d.view());
    }

    private void trim() {
        if (dials.size() <= KEEP_ENDED) {
            return;
        }
        dials.values().removeIf(d -> dials.size() > KEEP_ENDED && d.endedAt != null);
    }

    /** One dialled call: SIP events in, prompt frames in, DTMF and the transcription gate out. */
    private final class Dial implements DialListener, MediaLegListener {
        final String legId;
        final DialRequest.Valid request;
        final String rep;
        final List<TrunkConfig> route;
        int routeIndex;
        volatile String trunk;
        final Instant dialledAt = Instant.now();
        CallCoordinator.OutboundLeg leg;
        String sipCallId;
        volatile String state = "DIALLING";
        volatile Integer sipStatus;
        volatile String reason;
        volatile String dtmf;
        volatile Instant answeredAt;
        volatile Instant pinSentAt;
        volatile Instant joinedAt;
        volatile Instant endedAt;
        volatile boolean joined;
        boolean hangingUp;
        volatile PromptEnd prompt;
        ScheduledFuture<?> check;
        RtpSendStream stream;

        Dial(String legId, DialRequest.Valid request, String rep, List<TrunkConfig> route) {
            this.legId = legId;
            this.request = request;
            this.rep = rep;
            this.route = route;
        }

        boolean transcribing() {
            return joined;
        }

        DialView view() {
            return new DialView(leg == null ? null : leg.callId(), request.number(), rep, request.title(), trunk, state,
                    sipStatus, reason, dtmf, dialledAt, answeredAt, pinSentAt, joinedAt, endedAt);
        }

        void hangUp() {
            String sip;
            synchronized (this) {
                hangingUp = true;
                sip = sipCallId;
            }
            if (sip == null || !dialOut.hangup(sip)) {
                // never sent, or already over: end the leg here
                over("ENDED", null, "hung up", EndReason.LOCAL_HANGUP);
            }
        }

        @Override
        public void onFrame(AudioFrame frame) {
            PromptEnd p = prompt;
            if (p != null) {
                p.frame(frame.samples(), System.nanoTime());
            }
        }

        @Override
        public void ringing(int status) {
            state = "RINGING";
            sipStatus = status;
        }

        @Override
        public synchronized void answered(InetSocketAddress remote, Codec codec, int telephoneEventPt) {
            answeredAt = Instant.now();
            sipStatus = 200;
            state = "ANSWERED";
            // Bridges' media servers may send from another port than they announce; the address is still checked.
            leg.media().updateRemote(new InetSocketAddress(remote.getAddress(), 0), codec.payloadType());
            stream = new RtpSendStream(codec.payloadType(), telephoneEventPt, random);
            dtmf = stream.telephoneEvents() ? "rfc4733" : "inband";
            leg.media().transmit(stream, remote);
            if (request.pin().isEmpty()) {
                join("no PIN to enter");
                return;
            }
            Duration wait = request.pinDelayMs() != null ? Duration.ofMillis(request.pinDelayMs())
                    : properties.maxPromptWait();
            prompt = new PromptEnd(properties.speechLevel(), properties.promptSilence(), wait, System.nanoTime());
            check = scheduler.scheduleAtFixedRate(this::checkPrompt, CHECK.toMillis(), CHECK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private synchronized void checkPrompt() {
            PromptEnd p = prompt;
            if (p == null || !"ANSWERED".equals(state)) {
                return;
            }
            String why = p.over(System.nanoTime());
            if (why == null) {
                return;
            }
            prompt = null;
            check.cancel(false);
            state = "ENTERING_PIN";
            reason = why;
            pinSentAt = Instant.now();
            log.info("dialled call {}: {}, entering the PIN ({} keys, {})", leg.callId(), why,
                    request.pin().length() + 1, dtmf);
            coordinator.dialEvent(legId, "pin", (request.pin().length() + 1) + " keys, " + dtmf + ", " + why);
            stream.dial(request.pin() + "#", properties.toneLength(), properties.toneGap())
                    .thenRun(() -> join("PIN entered"));
        }

        private synchronized void join(String why) {
            if (!"ANSWERED".equals(state) && !"ENTERING_PIN".equals(state)) {
                return;
            }
            joined = true;
            joinedAt = Instant.now();
            state = "JOINED";
            reason = why;
            coordinator.dialEvent(legId, "joined", why);
            log.info("dialled call {}: in the meeting, transcribing ({})", leg.callId(), why);
        }

        @Override
        public void failed(int status, String why) {
            if (failover(status)) {
                return;
            }
            over("FAILED", status, why, EndReason.FAILED);
        }

        /**
         * A trunk that failed as a server ({@link OutboundRouting#failsOver}: 5xx, 408 no answer) is skipped for the
         * next one of the number's route, on the same media leg; the callee's own answers (486 busy, 603 declined,
         * 404 ...) and a rep's hang-up are final.
         */
        private synchronized boolean failover(int status) {
            if (!OutboundRouting.failsOver(status) || endedAt != null || hangingUp || routeIndex + 1 >= route.size()) {
                return false;
            }
            TrunkConfig next = route.get(++routeIndex);
            log.info("dialled call {}: trunk {} failed with {}, trying trunk {}", leg.callId(), trunk, status,
                    next.id());
            try {
                sipCallId = dialOut.dial(new DialTarget(next, request.number()), leg.local(), this);
                trunk = next.id();
                state = "DIALLING";
                reason = "trunk " + route.get(routeIndex - 1).id() + " failed with " + status;
                return true;
            } catch (Exception e) {
                log.warn("dialled call {}: could not dial through trunk {}", leg.callId(), next.id(), e);
                return false;
            }
        }

        @Override
        public void ended(End end) {
            over("ENDED", null, end.name(), switch (end) {
                case REMOTE_BYE -> EndReason.REMOTE_BYE;
                case LOCAL_HANGUP -> EndReason.LOCAL_HANGUP;
                case SESSION_EXPIRED -> EndReason.FAILED;
            });
        }

        private void over(String finalState, Integer status, String why, EndReason end) {
            synchronized (this) {
                if (endedAt != null) {
                    return;
                }
                endedAt = Instant.now();
                state = finalState;
                if (status != null) {
                    sipStatus = status;
                }
                reason = why;
                joined = false;
                prompt = null;
                if (check != null) {
                    check.cancel(false);
                }
            }
            coordinator.ended(legId, end);
        }
    }
}
