package io.earpiece.console.testing;

import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpException;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.sip.sdp.CryptoAttribute;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SIPREC recording client that encrypts, which sipp cannot: over UDP it offers one {@code RTP/SAVP} sendonly
 * stream per label, each with an SDES key of its own, and rs-metadata naming who sends on which label; it reads
 * Earpiece's answer (port and crypto line per label) and sends a pcap's RTP packets on a label encrypted with that
 * label's key, one each 20 ms.
 */
public final class SrtpRecordingClient implements AutoCloseable {

    /** One participant of the recorded call and the label it sends on. */
    public record Sender(String label, String aor, String name, boolean caller) {
    }

    private final UdpSipClient sip;
    private final Map<String, DatagramSocket> media = new LinkedHashMap<>();
    private final Map<String, SrtpKey> keys = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> serverMedia = new LinkedHashMap<>();
    private final Map<String, CryptoAttribute> answered = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();

    public SrtpRecordingClient(int sipPort) throws IOException {
        this.sip = new UdpSipClient(sipPort, "srs", "srtp-src", ";+sip.src");
    }

    public String callId() {
        return sip.callId();
    }

    /** Sends the recording INVITE with one SRTP stream per sender and, on 200, the ACK; returns the final status. */
    public int start(SrtpSuite suite, List<Sender> senders) throws IOException {
        StringBuilder sdp = new StringBuilder("v=0\r\no=src 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\r\n"
                + "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><datamode>complete</datamode>"
                + "<session session_id='rs-" + sip.callId() + "'/>");
        for (Sender s : senders) {
            DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            media.put(s.label(), socket);
            SrtpKey key = UdpSipClient.randomKey(suite);
            keys.put(s.label(), key);
            sdp.append("m=audio ").append(socket.getLocalPort()).append(" RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\n")
                    .append(UdpSipClient.cryptoLine(key))
                    .append("a=label:").append(s.label()).append("\r\na=sendonly\r\n");
            xml.append("<participant participant_id='p").append(s.label()).append("'><nameID aor='").append(s.aor())
                    .append("'><name>").append(s.name()).append("</name></nameID><send>st").append(s.label())
                    .append("</send><extensiondata xmlns:apkt='http://acmepacket.com/siprec/extensiondata'>")
                    .append("<apkt:callingParty>").append(s.caller()).append("</apkt:callingParty></extensiondata>")
                    .append("</participant>");
        }
        for (Sender s : senders) {
            xml.append("<stream stream_id='st").append(s.label()).append("'><label>").append(s.label())
                    .append("</label></stream>");
        }
        xml.append("</recording>");
        String body = "--srtp-rs\r\nContent-Type: application/sdp\r\n\r\n" + sdp + "\r\n--srtp-rs\r\n"
                + "Content-Type: application/rs-metadata+xml\r\nContent-Disposition: recording-session\r\n\r\n" + xml
                + "\r\n--srtp-rs--\r\n";
        String response = sip.invite("Require: siprec\r\nContent-Type: multipart/mixed;boundary=srtp-rs\r\n",
                body);
        int status = UdpSipClient.status(response);
        if (status == 200) {
            readAnswer(UdpSipClient.body(response));
        }
        return status;
    }

    /** Sends these RTP packets on {@code label}, encrypted with its key, one each 20 ms. */
    public void play(String label, List<byte[]> packets) throws IOException, SrtpException {
        SrtpContext protect = new SrtpContext(keys.get(label));
        DatagramSocket socket = media.get(label);
        InetSocketAddress to = serverMedia.get(label);
        UdpSipClient.playInRealTime(packets, protect, srtp -> socket.send(new DatagramPacket(srtp, srtp.length, to)));
    }

    /** Ends the recording session with BYE and returns the status of its response. */
    public int stop() throws IOException {
        return sip.bye();
    }

    /** The crypto line Earpiece answered for {@code label}, or null when it answered clear RTP. */
    public CryptoAttribute answeredCrypto(String label) {
        return answered.get(label);
    }

    public String answerProfile(String label) {
        return profiles.get(label);
    }

    @Override
    public void close() {
        sip.close();
        media.values().forEach(DatagramSocket::close);
    }

    private void readAnswer(String body) throws IOException {
        try {
            SessionDescription answer = new SdpParser().parse(body.getBytes(StandardCharsets.UTF_8));
            for (MediaDescription m : answer.media()) {
                String label = m.attribute("label").orElseThrow();
                serverMedia.put(label, new InetSocketAddress(answer.connectionFor(m).host(), m.port()));
                profiles.put(label, m.protocol());
                if (m.attribute(CryptoAttribute.NAME).isPresent()) {
                    answered.put(label, CryptoAttribute.parse(m.attribute(CryptoAttribute.NAME).get()));
                }
            }
        } catch (Exception e) {
            throw new IOException("unreadable answer: " + body, e);
        }
    }
}
