package io.earpiece.console.api;

import io.earpiece.db.assist.CardEntity;
import io.earpiece.db.assist.InsightEntity;
import io.earpiece.db.call.CallEntity;
import io.earpiece.db.call.PartyEntity;
import io.earpiece.db.transcript.TranscriptSegmentEntity;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the calls API. */
public final class CallViews {

    private CallViews() {
    }

    /**
     * One row of the call list; {@code transcription} is LIVE, or DEFERRED while a call beyond live capacity waits
     * for its after-call transcript, then AFTER_CALL (or FAILED); {@code node} is the cluster node that answered it
     * (null on a node running alone).
     */
    public record CallSummary(String id, String conversationId, String from, String to, String status,
                              Instant startedAt, Instant endedAt, Long durationMs, String endReason,
                              List<PartyView> parties, long segments, String transcription, String node) {
    }

    /** A call with its parties and transcript. */
    public record CallDetail(String id, String conversationId, String from, String to, String status,
                             Instant startedAt, Instant endedAt, Long durationMs, String endReason,
                             List<PartyView> parties, List<SegmentView> segments, List<InsightView> insights,
                             List<CardView> cards, String transcription, String node) {
    }

    /** A tag the assist engine found on an utterance (the call's n-th final segment). */
    public record InsightView(int utterance, String party, String tag, String details) {
    }

    /** A card shown during the call and the rep's feedback on it (used, dismissed or none). */
    public record CardView(long id, String cardKey, String title, String body, int priority, int utterance,
                           String trigger, Instant shownAt, String feedback) {
    }

    /** A party's leg with its media counters and where its recording is served. */
    /**
     * One leg of a call.
     *
     * @param sipTransport udp, tcp or tls: how its INVITE came; null when not known (uploads, older calls)
     * @param srtp         whether its media was SRTP; null when not known
     */
    public record PartyView(String party, String legId, String codec, String remoteAddress, Integer localPort,
                            Instant startedAt, Instant endedAt, long packetsReceived, long packetsLost,
                            long packetsDropped, long bytesReceived, double jitterMs, String recordingUrl,
                            String sipTransport, Boolean srtp) {
    }

    /** A final transcript segment; times are milliseconds of the party's media time. */
    public record SegmentView(String party, int index, long startMs, long endMs, String text) {
    }

    static CallSummary summary(CallEntity c, List<PartyView> parties, long segments) {
        return new CallSummary(c.getId(), c.getConversationId(), c.getFromUri(), c.getToUri(), c.getStatus().name(),
                c.getStartedAt(), c.getEndedAt(), c.getDurationMs(), c.getEndReason(), parties, segments,
                c.getTranscription().name(), c.getNodeId());
    }

    static CallDetail detail(CallEntity c, List<PartyView> parties, List<SegmentView> segments,
                             List<InsightView> insights, List<CardView> cards) {
        return new CallDetail(c.getId(), c.getConversationId(), c.getFromUri(), c.getToUri(), c.getStatus().name(),
                c.getStartedAt(), c.getEndedAt(), c.getDurationMs(), c.getEndReason(), parties, segments, insights,
                cards, c.getTranscription().name(), c.getNodeId());
    }

    static InsightView insight(InsightEntity i) {
        return new InsightView(i.getUtterance(), i.getParty(), i.getTag(), i.getDetails());
    }

    static CardView card(CardEntity c) {
        return new CardView(c.getId(), c.getCardKey(), c.getTitle(), c.getBody(), c.getPriority(), c.getUtterance(),
                c.getTrigger(), c.getShownAt(), c.getFeedback());
    }

    static PartyView party(PartyEntity p) {
        return new PartyView(p.getParty(), p.getLegId(), p.getCodec(), p.getRemoteAddress(), p.getLocalPort(),
                p.getStartedAt(), p.getEndedAt(), p.getPacketsReceived(), p.getPacketsLost(), p.getPacketsDropped(),
                p.getBytesReceived(), p.getJitterMs(),
                "/api/calls/" + p.getCallId() + "/audio/" + p.getParty() + ".wav", p.getSipTransport(), p.getSrtp());
    }

    static SegmentView segment(TranscriptSegmentEntity s) {
        return new SegmentView(s.getParty(), s.getIndex(), s.getStartMs(), s.getEndMs(), s.getText());
    }
}
