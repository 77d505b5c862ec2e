package io.earpiece.console.testing;

import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpException;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpSuite;
import io.earpiece.sip.sdp.CryptoAttribute;
import io.earpiece.sip.sdp.MediaDescription;
import io.earpiece.sip.sdp.SdpAttribute;
import io.earpiece.sip.sdp.SdpParser;
import io.earpiece.sip.sdp.SessionDescription;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A phone that speaks SRTP, which sipp cannot: it places one bot leg over UDP with an {@code RTP/SAVP} offer and an
 * SDES key of its own, reads Earpiece's answer (its port and key), and sends a pcap's RTP packets encrypted with
 * its key in real time. It can also send packets under a wrong key and replay packets it already sent.
 */
public final class SrtpPhone implements AutoCloseable {

    private static final int PCAP_RTP_OFFSET = 14 + 20 + 8;

    private final DatagramSocket sip;
    private final DatagramSocket media;
    private final InetSocketAddress server;
    private final String callId = UUID.randomUUID() + "@srtp-phone";
    private final String fromTag = Long.toHexString(new SecureRandom().nextLong());
    private final SrtpKey key;
    private final SrtpContext protect;
    private final List<byte[]> sent = new ArrayList<>();
    private String toTag;
    private InetSocketAddress serverMedia;
    private CryptoAttribute answeredCrypto;
    private String answerProfile;
    private int cseq = 1;

    public SrtpPhone(int sipPort, SrtpSuite suite) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.sip = new DatagramSocket(0, loopback);
        this.media = new DatagramSocket(0, loopback);
        this.server = new InetSocketAddress(loopback, sipPort);
        byte[] k = new byte[suite.keyLength()];
        byte[] s = new byte[suite.saltLength()];
        SecureRandom random = new SecureRandom();
        random.nextBytes(k);
        random.nextBytes(s);
        this.key = new SrtpKey(suite, k, s);
        this.protect = new SrtpContext(key);
    }

    /**
     * Sends the INVITE and, on 200, the ACK; returns the final status.
     *
     * @param profile RTP/SAVP, or RTP/AVP for a clear offer (then no crypto line is sent)
     */
    public int call(String conversation, String party, String profile) throws IOException {
        String crypto = profile.equals("RTP/SAVP") ? "a=crypto:1 " + key.suite().sdesName() + " inline:"
                + Base64.getEncoder().encodeToString(concat(key.masterKey(), key.masterSalt())) + "\r\n" : "";
        String sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + media.getLocalPort() + " " + profile + " 0 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n" + crypto + "a=sendrecv\r\n";
        send(request("INVITE", cseq, "X-Earpiece-Conversation: " + conversation + "\r\nX-Earpiece-Party: " + party
                + "\r\nContent-Type: application/sdp\r\n", sdp));
        String response;
        do {
            response = receive(30_000);
        } while (status(response) < 200);
        int status = status(response);
        if (status != 200) {
            send(request("ACK", cseq, "", ""));
            return status;
        }
        toTag = header(response, "To").replaceAll(".*;tag=([^;>\\s]+).*", "$1");
        readAnswer(response.substring(response.indexOf("\r\n\r\n") + 4));
        send(request("ACK", cseq, "", ""));
        return status;
    }

    /** Sends every RTP packet of {@code pcap} encrypted, one each 20 ms. */
    public void play(Path pcap) throws IOException, SrtpException {
        play(rtpPackets(pcap));
    }

    /** Sends these RTP packets encrypted, one each 20 ms. */
    public void play(List<byte[]> packets) throws IOException, SrtpException {
        long next = System.nanoTime();
        for (byte[] rtp : packets) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += 20_000_000L;
            byte[] srtp = protect.protect(rtp);
            sent.add(srtp);
            sendMedia(srtp);
        }
    }

    /** Sends {@code count} packets (new sequence numbers) encrypted under a key Earpiece was never given. */
    public void sendUnderWrongKey(int count) throws IOException, SrtpException {
        byte[] k = key.masterKey();
        k[0] ^= 0x5A;
        SrtpContext wrong = new SrtpContext(new SrtpKey(key.suite(), k, key.masterSalt()));
        for (int i = 0; i < count; i++) {
            byte[] rtp = new byte[12 + 160];
            rtp[0] = (byte) 0x80;
            rtp[2] = (byte) (i >>> 8);
            rtp[3] = (byte) i;
            rtp[11] = 0x33;
            sendMedia(wrong.protect(rtp));
        }
    }

    /** Sends again {@code count} SRTP packets this phone already sent. */
    public void replay(int count) throws IOException {
        for (int i = 0; i < count && i < sent.size(); i++) {
            sendMedia(sent.get(sent.size() - 1 - i));
        }
    }

    /** Ends the call with BYE and returns the status of its response. */
    public int hangUp() throws IOException {
        cseq++;
        send(request("BYE", cseq, "", ""));
        String response;
        do {
            response = receive(10_000);
        } while (!header(response, "CSeq").endsWith("BYE"));
        return status(response);
    }

    public int packetsSent() {
        return sent.size();
    }

    /** Where Earpiece wants this phone's RTP, from its answer. */
    public InetSocketAddress serverMedia() {
        return serverMedia;
    }

    /** The crypto line of Earpiece's answer, or null when it answered clear RTP. */
    public CryptoAttribute answeredCrypto() {
        return answeredCrypto;
    }

    public String answerProfile() {
        return answerProfile;
    }

    @Override
    public void close() {
        sip.close();
        media.close();
    }

    private void readAnswer(String body) throws IOException {
        try {
            SessionDescription answer = new SdpParser().parse(body.getBytes(StandardCharsets.UTF_8));
            MediaDescription audio = answer.media().get(0);
            serverMedia = new InetSocketAddress(answer.connectionFor(audio).host(), audio.port());
            answerProfile = audio.protocol();
            for (SdpAttribute a : audio.attributes()) {
                if (a.name().equals(CryptoAttribute.NAME)) {
                    answeredCrypto = CryptoAttribute.parse(a.value());
                }
            }
        } catch (Exception e) {
            throw new IOException("unreadable answer: " + body, e);
        }
    }

    private String request(String method, int seq, String extraHeaders, String body) {
        String target = "sip:assistant@127.0.0.1:" + server.getPort();
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID()
                + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:srtp-phone@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <" + target + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n"
                + "Contact: <sip:srtp-phone@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + extraHeaders + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sip.send(new DatagramPacket(b, b.length, server));
    }

    private void sendMedia(byte[] datagram) throws IOException {
        media.send(new DatagramPacket(datagram, datagram.length, serverMedia));
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

    /** The RTP packets of a sipp-style pcap (Ethernet, IPv4, UDP), as synth-call writes them. */
    public static List<byte[]> rtpPackets(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int caplen = b.getInt(pos + 8);
            if (caplen > PCAP_RTP_OFFSET && pos + 16 + caplen <= b.limit()) {
                byte[] rtp = new byte[caplen - PCAP_RTP_OFFSET];
                b.get(pos + 16 + PCAP_RTP_OFFSET, rtp);
                out.add(rtp);
            }
            pos += 16 + caplen;
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
