package io.earpiece.console.call;

import io.earpiece.assist.AssistEvent;
import io.earpiece.assist.Card;
import io.earpiece.assist.SegmentOutcome;
import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.CardRepository;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.assist.InsightRepository;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.CallEventEntity;
import io.earpiece.db.call.CallEventRepository;
import io.earpiece.db.call.CallRepository;
import io.earpiece.db.call.CallStatus;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.call.PartyRepository;
import io.earpiece.db.transcript.TranscriptSegmentEntity;
import io.earpiece.db.transcript.TranscriptSegmentRepository;
import io.earpiece.media.RtpStats;
import io.earpiece.stt.TranscriptSegment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The writes the live call path makes; blocking JPA, so never call it from a Netty event loop. */
@Service
public class CallStore {

    private final CallRepository calls;
    private final PartyRepository parties;
    private final TranscriptSegmentRepository segments;
    private final InsightRepository insights;
    private final CardRepository cards;
    private final CallEventRepository events;

    private final io.earpiece.console.cluster.NodeIdentity node;

    public CallStore(CallRepository calls, PartyRepository parties, TranscriptSegmentRepository segments,
                     InsightRepository insights, CardRepository cards, CallEventRepository events,
                     io.earpiece.console.cluster.NodeIdentity node) {
        this.node = node;
        this.calls = calls;
        this.parties = parties;
        this.segments = segments;
        this.insights = insights;
        this.cards = cards;
        this.events = events;
    }

    /**
     * Stores a DTMF digit, hold or resume; see {@link CallEventEntity} for what the fields mean. Once: an event of
     * the same kind and party at the same millisecond is already there when a journalled write is replayed.
     */
    @Transactional
    public void event(String callId, String party, String kind, String detail, Integer durationMs, long offsetMs,
                      Instant at) {
        if (events.exists(callId, party, kind, offsetMs)) {
            return;
        }
        events.save(new CallEventEntity(callId, party, kind, detail, durationMs, offsetMs, at));
    }

    @Transactional
    public void callStarted(String callId, String conversationId, String from, String to, Instant at) {
        CallEntity call = new CallEntity(callId, conversationId, from, to, at);
        if (node.clustered()) {
            call.setNodeId(node.id());
        }
        calls.save(call);
    }

    @Transactional
    public void partyJoined(String callId, String party, String legId, String codec, String remote, int localPort,
                            String recording, Instant at) {
        partyJoined(callId, party, legId, codec, remote, localPort, recording, at, null, null);
    }

    /**
     * @param sipTransport udp, tcp or tls, or null when not known
     * @param srtp         whether the leg's media is SRTP, or null when not known
     */
    @Transactional
    public void partyJoined(String callId, String party, String legId, String codec, String remote, int localPort,
                            String recording, Instant at, String sipTransport, Boolean srtp) {
        PartyEntity p = new PartyEntity(callId, party, legId, codec, remote, localPort, recording, at);
        p.carried(sipTransport, srtp);
        parties.save(p);
    }

    /** How a party's leg is carried, known after it joined (a relayed leg's answer, a re-INVITE). */
    @Transactional
    public void partyCarried(String callId, String party, String sipTransport, boolean srtp) {
        parties.findByCallIdAndParty(callId, party).ifPresent(p -> {
            p.carried(sipTransport, srtp);
            parties.save(p);
        });
    }

    /** A relayed leg's codec changed mid-call (an answered re-INVITE); the party shows the one in use last. */
    @Transactional
    public void partyCodec(String callId, String party, String codec) {
        parties.findByCallIdAndParty(callId, party).ifPresent(p -> {
            p.codec(codec);
            parties.save(p);
        });
    }

    @Transactional
    public void partyLeft(String callId, String party, Instant at, RtpStats stats) {
        parties.findByCallIdAndParty(callId, party).ifPresent(p -> {
            p.end(at, stats.packetsReceived(), stats.packetsLost(), stats.packetsDropped(), stats.bytesReceived(),
                    stats.jitterMs());
            parties.save(p);
        });
    }

    @Transactional
    public void callEnded(String callId, Instant at, String reason) {
        calls.findById(callId).ifPresent(c -> {
            c.end(at, reason);
            calls.save(c);
        });
    }

    /**
     * Stores a final segment (with its already-masked text) and what the assist engine raised on it; returns
     * the stored cards only once all is committed, so announcing them afterwards is safe. Once: a final already
     * stored (a journalled one written again after a crash, a write whose commit was confirmed too late) is left as
     * it is, with its insights and cards, and nothing is returned.
     */
    @Transactional
    public List<CardEntity> segment(TranscriptSegment s, String maskedText, int utterance, SegmentOutcome outcome) {
        if (segments.existsByCallIdAndPartyAndIndex(s.callId(), s.party(), s.index())) {
            return List.of();
        }
        Instant now = Instant.now();
        segments.save(new TranscriptSegmentEntity(s.callId(), s.party(), s.index(), s.startMs(), s.endMs(), maskedText,
                now));
        for (AssistEvent e : outcome.events()) {
            insights.save(new InsightEntity(s.callId(), utterance, s.party(), e.tag(), details(e.details()), now));
        }
        List<CardEntity> stored = new ArrayList<>();
        for (Card c : outcome.cards()) {
            stored.add(cards.save(new CardEntity(s.callId(), c.id(), c.title(), c.body(), c.priority(), c.utterance(),
                    c.trigger(), now)));
        }
        return stored;
    }

    private static String details(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        new TreeMap<>(details).forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }

    /**
     * Calls a crash left active: their legs are gone, so they are closed at start-up. A node of a cluster closes only
     * its own: the others' calls are live on their nodes (a lost node's are ended by {@link #endCallsOf}).
     */
    @Transactional
    public int closeOrphans(Instant at) {
        List<CallEntity> active = node.clustered() ? calls.findByStatusAndNodeId(CallStatus.ACTIVE, node.id())
                : calls.findByStatus(CallStatus.ACTIVE);
        active.forEach(c -> c.end(c.getStartedAt().isAfter(at) ? c.getStartedAt() : at, "SERVER_RESTART"));
        calls.saveAll(active);
        return active.size();
    }

    /**
     * Ends the calls another node left active (it was lost), each only if it is still active, so two nodes recovering
     * the same node at once end each call once; returns the calls this call ended.
     */
    @Transactional
    public List<CallEntity> endCallsOf(String lostNode, Instant at, String reason) {
        List<CallEntity> ended = new ArrayList<>();
        for (CallEntity c : calls.findByStatusAndNodeId(CallStatus.ACTIVE, lostNode)) {
            Instant end = c.getStartedAt().isAfter(at) ? c.getStartedAt() : at;
            if (calls.endIfActive(c.getId(), end, java.time.Duration.between(c.getStartedAt(), end).toMillis(),
                    reason) == 1) {
                ended.add(c);
            }
        }
        return ended;
    }

    /** The party labels of a stored call, in the order they joined. */
    public List<String> partiesOf(String callId) {
        return parties.findByCallIdOrderByIdAsc(callId).stream().map(PartyEntity::getParty).toList();
    }

    /** Records how the call is being transcribed (deferred while the server is at capacity, then after the call). */
    @Transactional
    public void transcription(String callId, io.earpiece.db.call.CallTranscription how) {
        calls.findById(callId).ifPresent(c -> {
            c.setTranscription(how);
            calls.save(c);
        });
    }

    /** Deferred calls that ended but were not yet transcribed (a restart interrupted them). */
    public List<String> deferredAndEnded() {
        return calls.findByStatusAndTranscription(CallStatus.ENDED, io.earpiece.db.call.CallTranscription.DEFERRED)
                .stream().map(CallEntity::getId).toList();
    }

    public long segmentCount(String callId) {
        return segments.countByCallId(callId);
    }
}
