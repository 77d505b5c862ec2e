package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.call.Party;
import io.earpiece.sip.sdp.SdesSession;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * One recording session's signalling state: the SIPREC dialog and the legs (one per recorded stream) it fans out
 * to. Every field is guarded by the session's monitor.
 */
final class RecordingSession {
    enum State { PROCEEDING, ANSWERED, ESTABLISHED, ENDED }

    /** One recorded stream, which the rest of Earpiece sees as a leg of the call. */
    static final class StreamLeg {
        final String legId;
        final String label;
        final Party party;
        /** 1 for the party's first stream, 2, 3, ... for further ones. */
        final int stream;
        final int localPort;
        Codec codec;
        /** The stream's SRTP keys, or null for clear RTP. */
        SdesSession srtp;
        InetSocketAddress remote;
        boolean paused;

        StreamLeg(String legId, String label, Party party, int stream, int localPort, Codec codec, SdesSession srtp,
                  InetSocketAddress remote, boolean paused) {
            this.legId = legId;
            this.label = label;
            this.party = party;
            this.stream = stream;
            this.localPort = localPort;
            this.codec = codec;
            this.srtp = srtp;
            this.remote = remote;
            this.paused = paused;
        }
    }

    final String callId;
    final ServerTransaction invite;
    final String localTag;
    final long sdpSessionId;
    final String source;

    State state = State.PROCEEDING;
    Dialog dialog;
    long sdpVersion = 1;
    RecordingOffer offer;
    /** By label, in m-line order. */
    final Map<String, StreamLeg> legs = new LinkedHashMap<>();
    /** CANCEL or hangup came before the answer; the answering task ends the session. */
    boolean aborted;
    /**
     * A re-INVITE or UPDATE is being answered off the SIP threads; an UPDATE meanwhile gets 500 with Retry-After
     * (RFC 3311 5.2; a second re-INVITE the stack answers 491 itself), so the changes apply in order.
     */
    boolean changing;
    /** Why the session ended, once it has: legs opened by a change that was still running are ended with it. */
    io.earpiece.sip.call.EndReason endedBy;

    RecordingSession(String callId, ServerTransaction invite, String localTag, long sdpSessionId, String source,
                     RecordingOffer offer) {
        this.callId = callId;
        this.invite = invite;
        this.localTag = localTag;
        this.sdpSessionId = sdpSessionId;
        this.source = source;
        this.offer = offer;
    }

    Map<String, Integer> ports() {
        Map<String, Integer> out = new LinkedHashMap<>();
        legs.forEach((label, leg) -> out.put(label, leg.localPort));
        return out;
    }

    /** How many streams each party has now; a change numbers the streams it adds from these. */
    Map<Party, Integer> streamCounts() {
        Map<Party, Integer> out = new java.util.EnumMap<>(Party.class);
        legs.values().forEach(l -> out.merge(l.party, 1, Integer::sum));
        return out;
    }

    Map<String, Codec> codecs() {
        Map<String, Codec> out = new LinkedHashMap<>();
        legs.forEach((label, leg) -> out.put(label, leg.codec));
        return out;
    }

    /** SRTP keys per recorded label; clear streams are absent. */
    Map<String, SdesSession> keys() {
        Map<String, SdesSession> out = new LinkedHashMap<>();
        legs.forEach((label, leg) -> {
            if (leg.srtp != null) {
                out.put(label, leg.srtp);
            }
        });
        return out;
    }
}
