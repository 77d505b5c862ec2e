package io.earpiece.sip.b2bua;

import io.earpiece.sip.outbound.OutgoingCall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * The signalling state of one relayed call: leg A (the caller's dialog, where we are the UAS) and leg B (the
 * dialog we placed, where we are the UAC). Guarded by its own monitor.
 */
final class RelayedCall {
    enum State { CALLING, EARLY, ANSWERED, ENDED }

    final String id;
    final CallDetail.Direction direction;
    /** The rep whose device has the call: the dialled rep, or the fallback rep once one of theirs answers. */
    String rep;
    final String remote;
    final String aCallId;
    final ServerTransaction aInvite;
    final String aTag;
    final MediaRelay.Relay relay;
    /** Leg B's SIP transport: the trunk's, or UDP to a rep's phone; set before the call is shared. */
    String transportB;
    /** Each leg's SRTP under its own policy; set before the call is shared. */
    SrtpLeg srtpA;
    SrtpLeg srtpB;
    final long sessionId;
    final Instant started;

    State state = State.CALLING;
    String bCallId;
    /** Leg B's signalling once a device answered (at once for a single target); it shares this call's monitor. */
    OutgoingCall legB;
    /** The devices ringing now; the first to answer becomes leg B, the others are cancelled. */
    final List<Branch> ringing = new ArrayList<>();
    /** Every Call-ID leg B has used, the losing devices' included, so that all leave the call map at the end. */
    final List<String> branchCallIds = new ArrayList<>();
    /** The caller's offer, anchored anew for each device rung. */
    io.earpiece.sip.sdp.SessionDescription offerSdp;
    /** The devices' worst failure so far (busy ranks first), what the caller hears if nobody answers. */
    int ringFailure;
    /** Stops the ringing of this round after the no-answer time. */
    ScheduledFuture<?> noAnswer;
    /** Counts ringing rounds (the rep's devices, then the fallback's), so a late no-answer timer does nothing. */
    int ringRound;
    /** The no-answer time ran out in this round: the devices' 487s mean "no answer", not "cancelled". */
    boolean noAnswerFired;
    /** A call out through trunks: every trunk of the number's route, the one tried now, and its id. */
    List<io.earpiece.sip.trunk.TrunkConfig> trunkRoute = List.of();
    int routeIndex;
    String trunkId;
    /** The fallback has been rung (once per call). */
    boolean fallbackTried;
    Dialog aDialog;
    Dialog bDialog;
    /** The caller cancelled, or we hung up, before the answer: leg A has its final response already. */
    boolean cancelPending;
    long versionA;
    long versionB;
    Instant answered;
    int finalStatus;
    /** A re-INVITE from one side waiting for the other side's answer. */
    ServerTransaction pendingReinvite;
    boolean pendingFromA;
    /** Whether the pending re-INVITE's offer asks for no media (sendonly, inactive). */
    boolean pendingOfferHeld;
    /** The pending re-INVITE's offer as its peer sent it, for the plan once the other peer answers. */
    io.earpiece.sip.sdp.SessionDescription pendingOffer;
    /** What each leg carries as last agreed (null before the first answer with SDP). */
    RelayPlan.LegFormat formatA;
    RelayPlan.LegFormat formatB;
    /** Whether each leg's peer last said it wants no media. */
    boolean heldA;
    boolean heldB;
    /** Leg A's agreed session interval (0: none), the caller refreshing, and its expiry watch. */
    int sessionA;
    int pendingSessionA;
    ScheduledFuture<?> watchA;
    /** The SDP leg B was last sent, for refreshing re-INVITEs. */
    String sdpToB;

    RelayedCall(String id, CallDetail.Direction direction, String rep, String remote, String aCallId,
                ServerTransaction aInvite, String aTag, MediaRelay.Relay relay, long sessionId, Instant started) {
        this.id = id;
        this.direction = direction;
        this.rep = rep;
        this.remote = remote;
        this.aCallId = aCallId;
        this.aInvite = aInvite;
        this.aTag = aTag;
        this.relay = relay;
        this.sessionId = sessionId;
        this.started = started;
    }

    boolean held(boolean legA) {
        return legA ? heldA : heldB;
    }

    void held(boolean legA, boolean held) {
        if (legA) {
            heldA = held;
        } else {
            heldB = held;
        }
    }

    RelayPlan.LegFormat format(boolean legA) {
        return legA ? formatA : formatB;
    }

    CallDetail detail(Instant ended, CallDetail.Disposition disposition, CallDetail.Side endedBy, String trunkId) {
        return new CallDetail(id, direction, rep, remote, trunkId, started, answered, ended, disposition, finalStatus,
                endedBy);
    }
}
