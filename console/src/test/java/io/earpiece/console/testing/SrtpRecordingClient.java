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
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

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

    private final DatagramSocket sip;
    private final InetSocketAddress server;
    private final String callId = UUID.randomUUID() + "@srtp-src";
    private final String fromTag = Long.toHexString(new SecureRandom().nextLong());
    private final Map<String, DatagramSocket> media = new LinkedHashMap<>();
    private final Map<String, SrtpKey> keys = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> serverMedia = new LinkedHashMap<>();
    private final Map<String, CryptoAttribute> answered = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private String toTag;
    private int cseq = 1;

    public SrtpRecordingClient(int sipPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.sip = new DatagramSocket(0, loopback);
        this.server = new InetSocketAddress(loopback, sipPort);
    }

    public String callId() {
        return callId;
    }

    /** Sends the recording INVITE with one SRTP stream per sender and, on 200, the ACK; returns the final status. */
    public int start(SrtpSuite suite, List<Sender> senders) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder sdp = new StringBuilder("v=0\r\no=src 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        StringBuilder xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\r\n"
                + "<recording xmlns='urn:ietf:params:xml:ns:recording:1'><datamode>complete</datamode>"
                + "<session session_id='rs-" + callId + "'/>");
        for (Sender s : senders) {
            DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            media.put(s.label(), socket);
            byte[] k = new byte[suite.keyLength()];
            byte[] salt = new byte[suite.saltLength()];
            random.nextBytes(k);
            random.nextBytes(salt);
            SrtpKey key = new SrtpKey(suite, k, salt);
            keys.put(s.label(), key);
            byte[] keySalt = new byte[k.length + salt.length];
            System.arraycopy(k, 0, keySalt, 0, k.length);
            System.arraycopy(salt, 0, keySalt, k.length, salt.length);
            sdp.append("m=audio ").append(socket.getLocalPort()).append(" RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\n")
                    .append("a=crypto:1 ").append(suite.sdesName()).append(" inline:")
                    .append(Base64.getEncoder().encodeToString(keySalt)).append("\r\n")
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
        send(request("INVITE", cseq, "Require: siprec\r\nContent-Type: multipart/mixed;boundary=srtp-rs\r\n", body));
        String response;
        do {
            response = receive(30_000);
        } while (status(response) < 200 || !header(response, "CSeq").endsWith("INVITE"));
        int status = status(response);
        if (status == 200) {
            toTag = header(response, "To").replaceAll(".*;tag=([^;>\\s]+).*", "$1");
            readAnswer(response.substring(response.indexOf("\r\n\r\n") + 4));
        }
        send(request("ACK", cseq, "", ""));
        return status;
    }

    /** Sends these RTP packets on {@code label}, encrypted with its key, one each 20 ms. */
    public void play(String label, List<byte[]> packets) throws IOException, SrtpException {
        SrtpContext protect = new SrtpContext(keys.get(label));
        DatagramSocket socket = media.get(label);
        InetSocketAddress to = serverMedia.get(label);
        long next = System.nanoTime();
        for (byte[] rtp : packets) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += 20_000_000L;
            byte[] srtp = protect.protect(rtp);
            socket.send(new DatagramPacket(srtp, srtp.length, to));
        }
    }

    /** Ends the recording session with BYE and returns the status of its response. */
    public int stop() throws IOException {
        cseq++;
        send(request("BYE", cseq, "", ""));
        String response;
        do {
            response = receive(10_000);
        } while (!header(response, "CSeq").endsWith("BYE"));
        return status(response);
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

    private String request(String method, int seq, String extraHeaders, String body) {
        String target = "sip:srs@127.0.0.1:" + server.getPort();
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID()
                + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:srtp-src@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <" + target + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n"
                + "Contact: <sip:srtp-src@127.0.0.1:" + sip.getLocalPort() + ">;+sip.src\r\n"
                + extraHeaders + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sip.send(new DatagramPacket(b, b.length, server));
    }

    private String receive(int timeoutMs) throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        sip.setSoTimeout(timeoutMs);
        try {
            sip.receive(p);
        } catch (SocketTimeoutException e) {
            throw new IOException("no SIP response within " + timeoutMs + " ms", e);
        }
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(8, 11));
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
