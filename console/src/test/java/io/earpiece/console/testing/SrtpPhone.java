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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone that speaks SRTP, which sipp cannot: it places one bot leg over UDP with an {@code RTP/SAVP} offer and an
 * SDES key of its own, reads Earpiece's answer (its port and key), and sends a pcap's RTP packets encrypted with
 * its key in real time. It can also send packets under a wrong key and replay packets it already sent.
 */
public final class SrtpPhone implements AutoCloseable {

    private static final int PCAP_RTP_OFFSET = 14 + 20 + 8;

    private final UdpSipClient sip;
    private final DatagramSocket media;
    private final SrtpKey key;
    private final SrtpContext protect;
    private final List<byte[]> sent = new ArrayList<>();
    private InetSocketAddress serverMedia;
    private CryptoAttribute answeredCrypto;
    private String answerProfile;

    public SrtpPhone(int sipPort, SrtpSuite suite) throws IOException {
        this.sip = new UdpSipClient(sipPort, "assistant", "srtp-phone", "");
        this.media = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.key = UdpSipClient.randomKey(suite);
        this.protect = new SrtpContext(key);
    }

    /**
     * Sends the INVITE and, on 200, the ACK; returns the final status.
     *
     * @param profile RTP/SAVP, or RTP/AVP for a clear offer (then no crypto line is sent)
     */
    public int call(String conversation, String party, String profile) throws IOException {
        String crypto = profile.equals("RTP/SAVP") ? UdpSipClient.cryptoLine(key) : "";
        String sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + media.getLocalPort() + " " + profile + " 0 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n" + crypto + "a=sendrecv\r\n";
        String response = sip.invite("X-Earpiece-Conversation: " + conversation + "\r\nX-Earpiece-Party: " + party
                + "\r\nContent-Type: application/sdp\r\n", sdp);
        int status = UdpSipClient.status(response);
        if (status == 200) {
            readAnswer(UdpSipClient.body(response));
        }
        return status;
    }

    /** Sends every RTP packet of {@code pcap} encrypted, one each 20 ms. */
    public void play(Path pcap) throws IOException, SrtpException {
        play(rtpPackets(pcap));
    }

    /** Sends these RTP packets encrypted, one each 20 ms. */
    public void play(List<byte[]> packets) throws IOException, SrtpException {
        UdpSipClient.playInRealTime(packets, protect, srtp -> {
            sent.add(srtp);
            sendMedia(srtp);
        });
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
        return sip.bye();
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

    private void sendMedia(byte[] datagram) throws IOException {
        media.send(new DatagramPacket(datagram, datagram.length, serverMedia));
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
}
