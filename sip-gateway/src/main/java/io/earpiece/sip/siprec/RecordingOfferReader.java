package io.earpiece.sip.siprec;

import io.earpiece.sip.call.Codec;
import io.earpiece.sip.sdp.CodecNegotiator;
import io.earpiece.sip.sdp.Connection;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.MediaDirection;
import io.earpiece.sip.sdp.Negotiation;
import io.earpiece.sip.sdp.SdesNegotiator;
import io.earpiece.sip.sdp.SdesSession;
import io.earpiece.sip.sdp.SdpNotAcceptableException;
import io.earpiece.sip.sdp.SdpParseException;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;
import io.earpiece.sip.sdp.SrtpPolicy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a SIPREC INVITE body (RFC 7866): a multipart body whose {@code recording-session} part is the metadata and
 * whose {@code application/sdp} part offers one stream per m-line. A pure function of its input, but for the fresh
 * SRTP keys of Earpiece's own that an SRTP stream (RTP/SAVP with {@code a=crypto}, SDES) gets in the answer.
 */
public final class RecordingOfferReader {
    private final MultipartParser multipart = new MultipartParser();
    private final MetadataParser metadata = new MetadataParser();
    // OpenSIPS sends SIPREC SDP without any c= line; a recorder needs no address to receive on its own ports.
    private final SdpParser sdpParser = new SdpParser(false);
    private final CodecNegotiator negotiator = new CodecNegotiator();
    private final SdesNegotiator sdes;
    private final SrtpPolicy srtpPolicy;

    /** A reader that records SRTP streams when offered and clear ones otherwise ({@code optional}). */
    public RecordingOfferReader() {
        this(new SdesNegotiator(new SecureRandom()), SrtpPolicy.OPTIONAL);
    }

    /**
     * @param srtpPolicy for every stream: {@code off} refuses RTP/SAVP streams, {@code mandatory} clear ones (a
     *                   session with nothing left to record gets 488)
     */
    public RecordingOfferReader(SdesNegotiator sdes, SrtpPolicy srtpPolicy) {
        this.sdes = sdes;
        this.srtpPolicy = srtpPolicy;
    }

    /**
     * The recording offer in a body, or empty when the body has no {@code recording-session} part (it is then no
     * recording session, whatever Require or Contact say).
     *
     * @param current codecs in use per label on a re-INVITE, kept when still offered; empty on a new session
     */
    public Optional<RecordingOffer> read(String contentType, byte[] body, Map<String, Codec> current)
            throws RecordingRejection {
        return read(contentType, body, current, null);
    }

    /** @param from the recording INVITE's From URI, the weakest caller hint; null for none */
    public Optional<RecordingOffer> read(String contentType, byte[] body, Map<String, Codec> current, String from)
            throws RecordingRejection {
        return read(contentType, body, current, Map.of(), from);
    }

    /**
     * @param keys SRTP keys in use per label on a re-INVITE: kept while the client keeps its key, so a pause does not
     *             re-key
     */
    public Optional<RecordingOffer> read(String contentType, byte[] body, Map<String, Codec> current,
                                         Map<String, SdesSession> keys, String from) throws RecordingRejection {
        List<BodyPart> parts;
        try {
            parts = multipart.parse(contentType, body);
        } catch (MultipartParseException e) {
            throw new RecordingRejection(400, "Bad multipart body: " + e.getMessage());
        }
        BodyPart meta = null;
        BodyPart sdp = null;
        for (BodyPart p : parts) {
            if (meta == null && p.disposition().equals("recording-session")) {
                meta = p;
            } else if (sdp == null && p.mediaType().equals("application/sdp")) {
                sdp = p;
            }
        }
        if (meta == null) {
            return Optional.empty();
        }
        if (sdp == null) {
            throw new RecordingRejection(400, "Recording session without an application/sdp part");
        }
        RecordingMetadata md;
        try {
            md = CallerHints.fromHeader(metadata.parse(meta.content()), from);
        } catch (MetadataParseException e) {
            throw new RecordingRejection(400, "Bad recording metadata: " + e.getMessage());
        }
        SessionDescription sd;
        try {
            sd = sdpParser.parse(sdp.content());
        } catch (SdpParseException e) {
            throw new RecordingRejection(400, "Bad SDP: " + e.getMessage());
        }
        RecordingOffer offer = new RecordingOffer(sd, md, streams(sd, current, keys));
        if (offer.recordable().isEmpty()) {
            String why = offer.streams().isEmpty() ? "no m-line offered"
                    : offer.streams().get(0).whyNot();
            throw new RecordingRejection(488, "Not Acceptable Here: nothing Earpiece can record (" + why + ")");
        }
        return Optional.of(offer);
    }

    /**
     * A re-INVITE or UPDATE that carries only SDP: the streams change (pause, resume, move), the metadata stays.
     */
    public RecordingOffer readSdp(byte[] body, RecordingMetadata unchanged, Map<String, Codec> current)
            throws RecordingRejection {
        return readSdp(body, unchanged, current, Map.of());
    }

    /** As {@link #readSdp(byte[], RecordingMetadata, Map)}, keeping SRTP keys per label while the client keeps its. */
    public RecordingOffer readSdp(byte[] body, RecordingMetadata unchanged, Map<String, Codec> current,
                                  Map<String, SdesSession> keys) throws RecordingRejection {
        SessionDescription sd;
        try {
            sd = sdpParser.parse(body);
        } catch (SdpParseException e) {
            throw new RecordingRejection(400, "Bad SDP: " + e.getMessage());
        }
        return new RecordingOffer(sd, unchanged, streams(sd, current, keys));
    }

    /**
     * Reads a small built-in offer once, so that the first real recording session does not pay for loading the
     * XML parser and warming the code paths (hundreds of milliseconds on a cold JVM, against a 1 s goal for the call
     * to be listed).
     */
    public void warmUp() {
        String body = "--w\r\nContent-Type: application/sdp\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"
                + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=label:1\r\na=sendonly\r\n\r\n--w\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n"
                + "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><participant participant_id='p'>"
                + "<nameID aor='sip:warm@up'/><send>s</send></participant><stream stream_id='s'><label>1</label>"
                + "</stream></recording>\r\n--w--\r\n";
        try {
            read("multipart/mixed;boundary=w", body.getBytes(java.nio.charset.StandardCharsets.US_ASCII), Map.of());
        } catch (RecordingRejection e) {
            throw new IllegalStateException("built-in SIPREC offer refused: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a body may be a recording session: cheap enough for a SIP thread to decide before parsing whether
     * to answer 100 Trying at once.
     */
    public static boolean mayBeRecordingSession(String contentType, byte[] body) {
        if (!isMultipart(contentType) || body == null) {
            return false;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.toLowerCase(Locale.ROOT).contains("recording-session");
    }

    /** Whether a Content-Type is a multipart one (only those can carry a recording session). */
    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private List<OfferedStream> streams(SessionDescription sd, Map<String, Codec> current,
                                        Map<String, SdesSession> keys) throws RecordingRejection {
        List<OfferedStream> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < sd.media().size(); i++) {
            MediaDescription m = sd.media().get(i);
            String label = m.attribute("label").map(String::trim).filter(s -> !s.isEmpty()).orElse("#" + (i + 1));
            if (!labels.add(label)) {
                throw new RecordingRejection(400, "Bad SDP: label " + label + " on two m-lines");
            }
            out.add(stream(sd, i, m, label, current.get(label), keys.get(label)));
        }
        return out;
    }

    private OfferedStream stream(SessionDescription sd, int index, MediaDescription m, String label, Codec current,
                                 SdesSession currentKeys) {
        if (!m.media().equalsIgnoreCase("audio")) {
            return new OfferedStream(index, label, m, null, m.media() + " is not recorded", true);
        }
        if (m.port() == 0) {
            return new OfferedStream(index, label, m, null, "stream " + label + " was refused (port 0)", true);
        }
        Connection conn = sd.connectionFor(m);
        // Negotiate the one m-line as if it were the whole offer; a missing c= reads as the null address.
        Connection effective = conn != null ? conn : new Connection("IN", "IP4", "0.0.0.0");
        SessionDescription single = new SessionDescription(sd.origin(), sd.sessionName(), effective, sd.timing(),
                sd.attributes(), List.of(m));
        Negotiation n;
        try {
            n = negotiator.negotiate(single, current);
        } catch (SdpNotAcceptableException e) {
            return new OfferedStream(index, label, m, null, "stream " + label + ": " + e.getMessage(), true);
        }
        SdesSession keys;
        try {
            // Each stream is keyed on its own (RFC 4568 is per m-line): one SRTP and one clear stream is a valid offer.
            keys = sdes.negotiate(m, srtpPolicy, currentKeys);
        } catch (SdpNotAcceptableException e) {
            return new OfferedStream(index, label, m, null, "stream " + label + ": " + e.getMessage(), true);
        }
        MediaDirection d = sd.directionFor(m);
        // No c= at all (OpenSIPS) is not hold: RTP comes from wherever the client sends it.
        boolean paused = d == MediaDirection.INACTIVE || d == MediaDirection.RECVONLY
                || (conn != null && conn.isNullAddress());
        return new OfferedStream(index, label, m, new Negotiation(index, n.codec(), n.telephoneEventPt(),
                n.remoteHost(), n.remotePort(), d, paused, keys), null, paused);
    }
}
