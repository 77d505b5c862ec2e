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

    /** The number the next stream of {@code party} gets. */
    int nextStream(Party party) {
        return 1 + (int) legs.values().stream().filter(l -> l.party == party).count();
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
