package io.earpiece.console.call;

import io.earpiece.console.assist.LiveAssist;
import io.earpiece.console.config.EarpieceProperties;
import io.earpiece.console.events.CallEventBus;
import io.earpiece.console.events.CallStateEvent;
import io.earpiece.db.call.CallTranscription;
import io.earpiece.console.metrics.CallMetrics;
import io.earpiece.console.plugin.PluginDispatcher;
import io.earpiece.db.call.CallEventEntity;
import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaLeg;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.MediaLegSpec;
import io.earpiece.media.MediaRelay;
import io.earpiece.media.RelayLegSpec;
import io.earpiece.media.RelaySpec;
import io.earpiece.media.MediaServer;
import io.earpiece.media.PortsExhaustedException;
import io.earpiece.plugins.CallInfo;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.SipGateway;
import io.earpiece.sip.call.CallController;
import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.EndReason;
import io.earpiece.sip.call.LegMedia;
import io.earpiece.sip.call.LegOffer;
import io.earpiece.sip.call.LegRejectedException;
import io.earpiece.sip.call.RecordingInfo;
import io.earpiece.stt.SpeechToText;
import io.earpiece.stt.TranscriptSegment;
import io.earpiece.stt.TranscriptionSession;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns SIP legs into calls: groups legs by conversation, opens each party's media and transcription,
 * stores what happens and announces it. This is where the modules meet; each keeps its own job.
 */
@Component
public class CallCoordinator implements CallController {

    private static final Logger log = LoggerFactory.getLogger(CallCoordinator.class);

    private final MediaServer media;
    private final SpeechToText speechToText;
    private final CallStore store;
    private final CallEventBus bus;
    private final PluginDispatcher plugins;
    private final CallMetrics metrics;
    private final LiveAssist assist;
    private final SegmentRecorder recorder;
    private final LiveAdmission admission;
    private final DeferredTranscription deferred;
    private final Path recordingsDir;
    private final String mediaHost;
    private final ObjectProvider<SipGateway> gateway;
    private final ExecutorService lifecycle;
    private final ExecutorService segmentWriter;
    private final RecordingParticipantStore recordingParticipants;
    private final SegmentStoreRetry retry;
    private final SpoolingStore spooling;

    /** How long a leg's end waits for its last finals to be stored (they may wait for the database). */
    private static final Duration LEG_FLUSH = Duration.ofSeconds(30);
    private final io.earpiece.console.tracing.CallTracing tracing;

    private final Object lock = new Object();
    private final Map<String, ActiveConversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, ActiveLeg> legs = new ConcurrentHashMap<>();
    private final java.util.Set<String> heldLegs = ConcurrentHashMap.newKeySet();

    public CallCoordinator(MediaServer media, SpeechToText speechToText, CallStore store, CallEventBus bus,
                           PluginDispatcher plugins, CallMetrics metrics, LiveAssist assist, SegmentRecorder recorder,
                           LiveAdmission admission, DeferredTranscription deferred, EarpieceProperties properties,
                           @Qualifier("mediaHost") String mediaHost, ObjectProvider<SipGateway> gateway,
                           @Qualifier("callLifecycleExecutor") ExecutorService lifecycle,
                           @Qualifier("segmentWriterExecutor") ExecutorService segmentWriter,
                           RecordingParticipantStore recordingParticipants, SegmentStoreRetry retry,
                           SpoolingStore spooling, io.earpiece.console.tracing.CallTracing tracing) {
        this.spooling = spooling;
        this.tracing = tracing;
        this.media = media;
        this.speechToText = speechToText;
        this.store = store;
        this.bus = bus;
        this.plugins = plugins;
        this.metrics = metrics;
        this.assist = assist;
        this.recorder = recorder;
        this.admission = admission;
        this.deferred = deferred;
        this.recordingsDir = properties.recordingsDir();
        this.mediaHost = mediaHost;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.segmentWriter = segmentWriter;
        this.recordingParticipants = recordingParticipants;
        this.retry = retry;
    }

    @Override
    public LegMedia open(LegOffer offer) throws LegRejectedException {
        Instant now = Instant.now();
        String party = offer.partyLabel(); // "customer-2" for a further stream of a party (SIPREC)
        ActiveConversation conversation;
        boolean isNew;
        io.opentelemetry.api.trace.Span invite;
        synchronized (lock) {
            conversation = conversations.get(offer.conversationId());
            isNew = conversation == null;
            if (isNew) {
                String callId = newCallId();
                conversation = new ActiveConversation(callId, offer.conversationId(), offer.from(), offer.to(), now,
                        admission.tryAdmit(callId));
            }
            if (!conversation.join(party)) {
                throw new LegRejectedException(403, "party " + party + " already present in this conversation");
            }
            conversations.put(offer.conversationId(), conversation);
            // under the lock: the other leg's INVITE, which may come a moment later, must find the call's span
            invite = isNew ? tracing.invite(conversation.callId, conversation.conversationId, party, true) : null;
        }
        if (invite == null) {
            invite = tracing.invite(conversation.callId, conversation.conversationId, party, false);
        }
        try {
            return openLeg(offer, conversation, party, isNew, now);
        } catch (RuntimeException | LegRejectedException e) {
            invite.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, e.getMessage());
            if (release(conversation, party)) {
                tracing.callEnded(conversation.callId, "REJECTED");
                if (!conversation.live) {
                    admission.deferredDone(); // nothing was recorded, so there is nothing to transcribe later
                }
            }
            // a leg that cannot be stored is refused with 503 and Retry-After rather than 500
            if (e instanceof RuntimeException r) {
                throw retry.refuseNewCall(r);
            }
            throw e;
        } finally {
            invite.end();
        }
    }

    private LegMedia openLeg(LegOffer offer, ActiveConversation conversation, String party, boolean isNew, Instant now)
            throws LegRejectedException {
        if (conversation.markStored()) {
            try {
                store.callStarted(conversation.callId, conversation.conversationId, offer.from(), offer.to(), now);
                deferIfBeyondCapacity(conversation);
                metrics.callStarted();
            } finally {
                conversation.stored();
            }
        }
        conversation.awaitStored();
        Path recording = recordingFile(conversation.callId, party);
        TranscriptionSession transcription = transcription(conversation, party);
        MediaLeg mediaLeg;
        try {
            mediaLeg = media.open(new MediaLegSpec(offer.legId(), offer.remoteMedia(), offer.codec().payloadType(),
                    offer.telephoneEventPt(), recording, SdesKeys.receive(offer.srtp())), new LegListener(transcription));
        } catch (PortsExhaustedException e) {
            transcription.close();
            throw new LegRejectedException(503, "no free RTP port", 5);
        }
        String botLeg = offer.legId();
        track(botLeg, new ActiveLeg(botLeg, conversation, party, mediaLeg, transcription,
                () -> gateway.ifAvailable(g -> g.hangup(botLeg))));
        store.partyJoined(conversation.callId, party, offer.legId(), offer.codec().name(),
                String.valueOf(offer.remoteMedia()), mediaLeg.localPort(), recording.toString(), now,
                offer.transport(), offer.srtp() != null);
        if (isNew) {
            plugins.callStarted(info(conversation, null, 0, null));
        }
        bus.publish(new CallStateEvent(conversation.callId, "party-joined", party));
        log.info("call {} leg {} ({}) media on port {}, {} from {}", conversation.callId, offer.legId(), party,
                mediaLeg.localPort(), offer.codec().name(), offer.remoteMedia());
        return new LegMedia(new InetSocketAddress(mediaHost, mediaLeg.localPort()));
    }

    /**
     * Anchors a B2BUA call's media: opens a relay between the two SIP legs and taps each direction into the call
     * as its own party (the rep's phone and the customer's side), recorded and transcribed like bot legs.
     * Leg ids are {@code <conversationId>/a} and {@code /b}; end them with {@link #ended} (either order).
     *
     * @param repIsLegA whether side A (the caller's) is the rep
     * @param hangUp    ends the call's signalling (BYE on both SIP legs) when Earpiece ends the call: media
     *                  timeout or shutdown; the relay is then closed, which ends both legs here
     */
    public MediaRelay openRelayCall(String conversationId, String from, String to, boolean repIsLegA, int payloadType,
                                    int telephoneEventPt, Runnable hangUp) throws LegRejectedException {
        Instant now = Instant.now();
        String partyA = repIsLegA ? "rep" : "customer";
        String partyB = repIsLegA ? "customer" : "rep";
        ActiveConversation conversation;
        synchronized (lock) {
            if (conversations.containsKey(conversationId)) {
                throw new LegRejectedException(403, "conversation " + conversationId + " is already live");
            }
            String callId = newCallId();
            conversation = new ActiveConversation(callId, conversationId, from, to, now, admission.tryAdmit(callId));
            conversations.put(conversationId, conversation);
            conversation.join(partyA);
            conversation.join(partyB);
        }
        String legA = conversationId + "/a";
        String legB = conversationId + "/b";
        TranscriptionSession sessionA = null;
        TranscriptionSession sessionB = null;
        try {
            conversation.markStored();
            store.callStarted(conversation.callId, conversationId, from, to, now);
            deferIfBeyondCapacity(conversation);
            metrics.callStarted();
            conversation.stored();
            Path recA = recordingFile(conversation.callId, partyA);
            Path recB = recordingFile(conversation.callId, partyB);
            sessionA = transcription(conversation, partyA);
            sessionB = transcription(conversation, partyB);
            MediaRelay relay = media.openRelay(new RelaySpec(
                            new RelayLegSpec(legA, null, payloadType, telephoneEventPt, recA),
                            new RelayLegSpec(legB, null, payloadType, telephoneEventPt, recB)),
                    new LegListener(sessionA), new LegListener(sessionB));
            Runnable hangUpBoth = () -> {
                // Ended here first, so the legs record why; the BYEs close the relay, and ending is idempotent.
                ended(legA, EndReason.LOCAL_HANGUP);
                ended(legB, EndReason.LOCAL_HANGUP);
                hangUp.run();
            };
            track(legA, new ActiveLeg(legA, conversation, partyA, new RelaySideLeg(relay, MediaRelay.Side.A, legA),
                    sessionA, hangUpBoth));
            track(legB, new ActiveLeg(legB, conversation, partyB, new RelaySideLeg(relay, MediaRelay.Side.B, legB),
                    sessionB, hangUpBoth));
            store.partyJoined(conversation.callId, partyA, legA, codecName(payloadType), null, relay.aLocalPort(),
                    recA.toString(), now);
            store.partyJoined(conversation.callId, partyB, legB, codecName(payloadType), null, relay.bLocalPort(),
                    recB.toString(), now);
            plugins.callStarted(info(conversation, null, 0, null));
            bus.publish(new CallStateEvent(conversation.callId, "party-joined", partyA));
            bus.publish(new CallStateEvent(conversation.callId, "party-joined", partyB));
            log.info("call {} relayed: A={} on {}, B={} on {}", conversation.callId, partyA, relay.aLocalPort(), partyB,
                    relay.bLocalPort());
            return relay;
        } catch (PortsExhaustedException e) {
            closeQuietly(sessionA, sessionB);
            releaseAll(conversation);
            throw new LegRejectedException(503, "no free RTP port", 5);
        } catch (RuntimeException e) {
            closeQuietly(sessionA, sessionB);
            releaseAll(conversation);
            throw retry.refuseNewCall(e); // 503 with Retry-After while the database is down, else e itself
        }
    }

    /** A leg Earpiece placed itself: its call id, media endpoint and where the far end is to send RTP. */
    public record OutboundLeg(String callId, MediaLeg media, InetSocketAddress local) {
    }

    /**
     * Opens a call Earpiece dials itself (a conference bridge) as one {@code mixed} party, before the INVITE goes
     * out, so its SDP can name the leg's port. The far end is not known yet: the leg takes RTP from the first source
     * until {@link MediaLeg#updateRemote} names it. Every frame goes to {@code frames} (prompt detection); it is
     * transcribed only while {@code transcribe} says so (not the bridge's menu prompts), but all of it is recorded.
     * End it with {@link #ended} like any leg.
     *
     * @param hangUp ends the call's signalling when Earpiece ends it (media timeout, shutdown)
     */
    public OutboundLeg openOutbound(String legId, String from, String to, MediaLegListener frames,
                                    java.util.function.BooleanSupplier transcribe, Runnable hangUp)
            throws LegRejectedException {
        Instant now = Instant.now();
        String party = "mixed";
        ActiveConversation conversation;
        synchronized (lock) {
            if (conversations.containsKey(legId)) {
                throw new LegRejectedException(409, "conversation " + legId + " is already live");
            }
            String callId = newCallId();
            conversation = new ActiveConversation(callId, legId, from, to, now, admission.tryAdmit(callId));
            conversation.join(party);
            conversations.put(legId, conversation);
        }
        TranscriptionSession transcription = null;
        try {
            conversation.markStored();
            store.callStarted(conversation.callId, legId, from, to, now);
            deferIfBeyondCapacity(conversation);
            metrics.callStarted();
            conversation.stored();
            Path recording = recordingFile(conversation.callId, party);
            transcription = transcription(conversation, party);
            LegListener transcriber = new LegListener(transcription);
            MediaLeg mediaLeg = media.open(new MediaLegSpec(legId, null, 0, -1, recording),
                    new GatedListener(transcriber, frames, transcribe));
            track(legId, new ActiveLeg(legId, conversation, party, mediaLeg, transcription, hangUp));
            store.partyJoined(conversation.callId, party, legId, "PCMU", null, mediaLeg.localPort(),
                    recording.toString(), now);
            plugins.callStarted(info(conversation, null, 0, null));
            bus.publish(new CallStateEvent(conversation.callId, "party-joined", party));
            log.info("call {} dialled out: leg {} media on port {}", conversation.callId, legId,
                    mediaLeg.localPort());
            return new OutboundLeg(conversation.callId, mediaLeg,
                    new InetSocketAddress(mediaHost, mediaLeg.localPort()));
        } catch (PortsExhaustedException e) {
            closeQuietly(transcription);
            releaseAll(conversation);
            throw new LegRejectedException(503, "no free RTP port", 5);
        } catch (RuntimeException e) {
            closeQuietly(transcription);
            releaseAll(conversation);
            throw retry.refuseNewCall(e); // 503 with Retry-After while the database is down, else e itself
        }
    }

    /** Stores a call event of a dialled call (what was dialled, the PIN sent, joining): see /api/calls/{id}/events. */
    public void dialEvent(String legId, String kind, String detail) {
        ActiveLeg leg = legs.get(legId);
        if (leg == null) {
            return;
        }
        Instant now = Instant.now();
        recordEvent(leg.conversation().callId, leg.party(), kind, detail, null,
                now.toEpochMilli() - leg.conversation().startedAt.toEpochMilli(), now);
        bus.publish(new CallStateEvent(leg.conversation().callId, kind, leg.party()));
    }

    /** Hands every frame to an observer, and to transcription only while the gate is open. */
    private static final class GatedListener implements MediaLegListener {
        private final MediaLegListener transcriber;
        private final MediaLegListener observer;
        private final java.util.function.BooleanSupplier open;

        GatedListener(MediaLegListener transcriber, MediaLegListener observer, java.util.function.BooleanSupplier open) {
            this.transcriber = transcriber;
            this.observer = observer;
            this.open = open;
        }

        @Override
        public void onFrame(AudioFrame frame) {
            observer.onFrame(frame);
            if (open.getAsBoolean()) {
                transcriber.onFrame(frame);
            }
        }

        @Override
        public void onDtmf(String legId, char digit, long mediaTimeMs, int durationMs) {
            transcriber.onDtmf(legId, digit, mediaTimeMs, durationMs);
        }

        @Override
        public void onMediaTimeout(String legId) {
            transcriber.onMediaTimeout(legId);
        }
    }

    private void releaseAll(ActiveConversation conversation) {
        synchronized (lock) {
            conversation.partiesSeen().forEach(conversation::leave);
            conversations.remove(conversation.conversationId, conversation);
        }
        if (conversation.live) {
            admission.released(conversation.callId);
        } else {
            admission.deferredDone();
        }
    }

    /** Marks a call the server has no live place for: it is recorded now and transcribed after its hang-up. */
    private void deferIfBeyondCapacity(ActiveConversation conversation) {
        if (!conversation.live) {
            store.transcription(conversation.callId, CallTranscription.DEFERRED);
            LiveCapacityController.State capacity = admission.state();
            log.warn("call {}: deferred, {}; it is recorded and transcribed after its hang-up",
                    conversation.callId, capacity.lastDeferral());
        }
    }

    /** A live call's parties are transcribed as they speak; a deferred call's audio is only recorded for now. */
    private TranscriptionSession transcription(ActiveConversation conversation, String party) {
        return conversation.live ? speechToText.open(conversation.callId, party, this::onSegment) : RECORD_ONLY;
    }

    private static final TranscriptionSession RECORD_ONLY = new TranscriptionSession() {
        @Override
        public void accept(long mediaTimeMs, short[] samples) {
        }

        @Override
        public void close() {
        }
    };

    private static void closeQuietly(TranscriptionSession... sessions) {
        for (TranscriptionSession s : sessions) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static String codecName(int payloadType) {
        return switch (payloadType) {
            case 0 -> "PCMU";
            case 8 -> "PCMA";
            default -> "PT" + payloadType;
        };
    }

    /**
     * A party of a relayed call put it on hold or took it off (its re-INVITE was answered): stored as a call event
     * and announced.
     */
    public void relayHoldChanged(String conversationId, MediaRelay.Side side, boolean onHold) {
        ActiveLeg leg = legs.get(conversationId + (side == MediaRelay.Side.A ? "/a" : "/b"));
        if (leg == null) {
            return;
        }
        ActiveConversation conversation = leg.conversation();
        Instant now = Instant.now();
        String kind = onHold ? CallEventEntity.HOLD : CallEventEntity.RESUME;
        long offsetMs = now.toEpochMilli() - conversation.startedAt.toEpochMilli();
        recordEvent(conversation.callId, leg.party(), kind, null, null, offsetMs, now);
        bus.publish(new CallStateEvent(conversation.callId, kind, leg.party()));
    }

    /**
     * How one side of a relayed call is carried (its SIP transport, SRTP or clear), as the B2BUA agreed it: stored
     * on that party's leg, as bot legs and SIPREC streams store theirs when they join. In order with the call's
     * writes, so after the party's row.
     */
    public void relayCarried(String conversationId, MediaRelay.Side side, String sipTransport, boolean srtp) {
        storeRelayParty(conversationId, side, "transport", (callId, party) ->
                store.partyCarried(callId, party, sipTransport, srtp));
    }

    /** A relayed side's codec as agreed (the call's answer, a re-INVITE), stored as its party's codec. */
    public void relayCodec(String conversationId, MediaRelay.Side side, String codec) {
        storeRelayParty(conversationId, side, "codec", (callId, party) -> store.partyCodec(callId, party, codec));
    }

    /** Stores something about a relayed side's party in order with the call's segments. */
    private void storeRelayParty(String conversationId, MediaRelay.Side side, String what,
                                 java.util.function.BiConsumer<String, String> write) {
        ActiveLeg leg = legs.get(conversationId + (side == MediaRelay.Side.A ? "/a" : "/b"));
        if (leg == null) {
            return;
        }
        String callId = leg.conversation().callId;
        segmentWriter.execute(() -> {
            try {
                retry.run(what + " of " + leg.party() + " in call " + callId,
                        () -> write.accept(callId, leg.party()));
            } catch (RuntimeException e) {
                log.error("storing the {} of {} in call {} failed", what, leg.party(), callId, e);
            }
        });
    }

    /**
     * Stores a call event in order with the call's segments, so it is stored before the call's end; journalled like
     * them while the database is away, so it does not hold back the finals behind it.
     */
    private void recordEvent(String callId, String party, String kind, String detail, Integer durationMs,
                             long offsetMs, Instant at) {
        segmentWriter.execute(() -> {
            try {
                spooling.event(callId, party, kind, detail, durationMs, offsetMs, at);
            } catch (RuntimeException e) {
                log.error("storing {} event of call {} failed", kind, callId, e);
            }
        });
    }

    @Override
    public void established(String legId) {
        log.debug("leg {} established", legId);
    }

    @Override
    public void remoteChanged(String legId, InetSocketAddress remoteMedia, Codec codec, boolean onHold) {
        remoteChanged(legId, remoteMedia, codec, onHold, null);
    }

    @Override
    public void remoteChanged(String legId, InetSocketAddress remoteMedia, Codec codec, boolean onHold,
                              SdesSession srtp) {
        ActiveLeg leg = legs.get(legId);
        if (leg != null) {
            leg.media().updateRemote(remoteMedia, codec.payloadType(), SdesKeys.receive(srtp));
            // Stored when the state changes (a SIPREC client pausing the recording, a bot leg put on hold), so the
            // call page shows the gap; a re-INVITE that only moves media is not an event.
            boolean changed = onHold ? heldLegs.add(legId) : heldLegs.remove(legId);
            String kind = onHold ? CallEventEntity.HOLD : CallEventEntity.RESUME;
            if (changed) {
                Instant now = Instant.now();
                recordEvent(leg.conversation().callId, leg.party(), kind, null, null,
                        now.toEpochMilli() - leg.conversation().startedAt.toEpochMilli(), now);
            }
            bus.publish(new CallStateEvent(leg.conversation().callId, kind, leg.party()));
        }
    }

    @Override
    public void recordingInfo(String conversationId, RecordingInfo info) {
        ActiveConversation conversation = conversations.get(conversationId);
        if (conversation == null) {
            return;
        }
        // In order with the call's other writes, and off the SIP threads.
        segmentWriter.execute(() -> {
            try {
                retry.run("recording participants of call " + conversation.callId,
                        () -> recordingParticipants.store(conversation.callId, info));
            } catch (RuntimeException e) {
                log.error("storing the recording participants of call {} failed", conversation.callId, e);
            }
        });
    }

    /** A leg now live: kept by its id, and its media traced until it ends. */
    private void track(String legId, ActiveLeg leg) {
        legs.put(legId, leg);
        tracing.mediaStarted(leg.conversation().callId, legId, leg.party());
    }

    @Override
    public void ended(String legId, EndReason reason) {
        ActiveLeg leg = legs.remove(legId);
        heldLegs.remove(legId);
        if (leg == null) {
            return;
        }
        Instant at = Instant.now();
        lifecycle.execute(() -> finish(leg, at, reason.name()));
    }

    /** Flushes the leg's media and transcription, then stores its end (and the call's, if it was the last leg). */
    private void finish(ActiveLeg leg, Instant at, String reason) {
        ActiveConversation conversation = leg.conversation();
        try {
            leg.media().close();
            leg.transcription().close();
            // The leg's last finals are stored before its end when the database answers; while it is away they
            // wait in the segment writer, and the end is stored (retried) without them rather than not at all.
            awaitSegmentWrites(LEG_FLUSH, "the last finals of leg " + leg.legId());
            retry.run("end of leg " + leg.legId() + " of call " + conversation.callId,
                    () -> store.partyLeft(conversation.callId, leg.party(), at, leg.media().stats()));
            metrics.legEnded(leg.media().stats());
        } catch (RuntimeException e) {
            log.error("closing leg {} of call {} failed", leg.legId(), conversation.callId, e);
        }
        tracing.mediaEnded(leg.legId(), leg.media().stats());
        bus.publish(new CallStateEvent(conversation.callId, "party-left", leg.party()));
        if (release(conversation, leg.party())) {
            // Retried like a final: a call that ends during a database outage must not stay ACTIVE until a restart.
            try {
                retry.run("end of call " + conversation.callId, () -> store.callEnded(conversation.callId, at, reason));
            } catch (RuntimeException e) {
                log.error("storing the end of call {} failed; the next start closes it", conversation.callId, e);
            }
            tracing.callEnded(conversation.callId, reason);
            assist.callEnded(conversation.callId);
            metrics.callEnded();
            bus.publish(new CallStateEvent(conversation.callId, "ended", null));
            long durationMs = at.toEpochMilli() - conversation.startedAt.toEpochMilli();
            // The summary reads the whole transcript: finals still waiting for the database go first, those
            // journalled on disk included.
            awaitSegmentWrites(retry.patience(), "the finals of call " + conversation.callId);
            if (!spooling.awaitWritten(conversation.callId, retry.patience())) {
                log.warn("journalled finals of call {} still wait for the database after {} s; going on without them",
                        conversation.callId, retry.patience().toSeconds());
            }
            Runnable afterCall = () -> plugins.callEnded(info(conversation, durationMs,
                    (int) store.segmentCount(conversation.callId), reason));
            if (conversation.live) {
                afterCall.run();
            } else {
                // the summary and exports need the transcript, which is made now
                deferred.submit(conversation.callId, () -> {
                    assist.callEnded(conversation.callId);
                    afterCall.run();
                });
            }
        }
    }

    /** Waits until the segment writes queued so far are done, at most {@code limit}. */
    private void awaitSegmentWrites(Duration limit, String what) {
        try {
            segmentWriter.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("waiting for {} failed", what, e);
        } catch (TimeoutException e) {
            log.warn("{} still wait for the database after {} s; going on without them", what, limit.toSeconds());
        }
    }

    /** Frees the party; returns true (and forgets the conversation) when it was the last one. */
    private boolean release(ActiveConversation conversation, String party) {
        synchronized (lock) {
            if (conversation.leave(party)) {
                conversations.remove(conversation.conversationId, conversation);
                if (conversation.live) {
                    admission.released(conversation.callId);
                }
                return true;
            }
            return false;
        }
    }

    private void onSegment(TranscriptSegment segment) {
        segmentWriter.execute(() -> {
            try {
                writeSegment(segment);
            } catch (RuntimeException e) {
                log.error("storing segment {}#{} of call {} failed", segment.party(), segment.index(), segment.callId(), e);
            }
        });
    }

    /** Records a segment (SegmentRecorder), then announces it and what the assist engine raised on it. */
    private void writeSegment(TranscriptSegment segment) {
        // finals only: a partial is a passing guess, and a call has many of them
        io.opentelemetry.api.trace.Span span = segment.isFinal()
                ? tracing.segment(segment.callId(), segment.party(), segment.index())
                : io.opentelemetry.api.trace.Span.getInvalid();
        try {
            SegmentRecorder.Recorded recorded = recorder.record(segment, segment.party());
            if (recorded.stored() != null) {
                metrics.segment();
                plugins.segment(recorded.stored());
            }
            for (io.earpiece.console.events.CallEvent e : recorded.events()) {
                bus.publish(e);
                if (e instanceof io.earpiece.console.events.CardEvent card) {
                    tracing.card(span, card.callId(), card.cardKey());
                }
            }
        } finally {
            span.end();
        }
    }

    private void onMediaTimeout(String legId) {
        ActiveLeg leg = legs.get(legId);
        if (leg == null) {
            return;
        }
        log.warn("leg {}: no RTP for the media timeout, hanging up", legId);
        ended(legId, EndReason.LOCAL_HANGUP);
        leg.hangUp().run();
    }

    public int activeCalls() {
        return conversations.size();
    }

    /** Hangs up every live leg (BYE), ending and flushing it like a hang-up from the far end. */
    public void hangUpAll() {
        for (ActiveLeg leg : List.copyOf(legs.values())) {
            ended(leg.legId(), EndReason.LOCAL_HANGUP);
            try {
                leg.hangUp().run();
            } catch (RuntimeException e) {
                log.warn("could not hang up leg {} at shutdown", leg.legId(), e);
            }
        }
    }

    /**
     * Hangs up and flushes every live leg, so a clean shutdown loses no audio or transcript. The hang-ups normally
     * went out already, at the start of shutdown ({@link HangUpOnShutdown}); this is the last word.
     */
    @PreDestroy
    public void shutdown() throws InterruptedException {
        hangUpAll();
        lifecycle.shutdown();
        lifecycle.awaitTermination(30, TimeUnit.SECONDS);
        segmentWriter.shutdown();
        segmentWriter.awaitTermination(10, TimeUnit.SECONDS);
    }

    private Path recordingFile(String callId, String party) {
        Path dir = recordingsDir.resolve(callId);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(party + ".wav");
    }

    private static CallInfo info(ActiveConversation c, Long durationMs, int segments, String reason) {
        return new CallInfo(c.callId, c.conversationId, c.from, c.to, c.startedAt, durationMs, c.partiesSeen(),
                segments, reason);
    }

    private static String newCallId() {
        return UUID.randomUUID().toString();
    }

    /** Feeds a leg's decoded frames to its transcription session. */
    private final class LegListener implements MediaLegListener {
        private final TranscriptionSession transcription;

        LegListener(TranscriptionSession transcription) {
            this.transcription = transcription;
        }

        @Override
        public void onFrame(AudioFrame frame) {
            transcription.accept(frame.mediaTimeMs(), frame.samples());
        }

        @Override
        public void onDtmf(String legId, char digit, long mediaTimeMs, int durationMs) {
            ActiveLeg leg = legs.get(legId);
            if (leg != null) {
                String callId = leg.conversation().callId;
                recordEvent(callId, leg.party(), CallEventEntity.DTMF, String.valueOf(digit), durationMs, mediaTimeMs,
                        Instant.now());
                bus.publish(new CallStateEvent(callId, "dtmf:" + digit, leg.party()));
            }
        }

        @Override
        public void onMediaTimeout(String legId) {
            lifecycle.execute(() -> CallCoordinator.this.onMediaTimeout(legId));
        }
    }
}
