package io.earpiece.console.testing;

import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpException;
import io.earpiece.media.srtp.SrtpKey;
import io.earpiece.media.srtp.SrtpSuite;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One hand-written SIP dialog over UDP from loopback to Earpiece, and the SRTP pieces the Java peers that sipp
 * cannot replace share ({@link SrtpPhone}, {@link SrtpRecordingClient}): INVITE with ACK, BYE, a fresh SDES key
 * and real-time encrypted sending.
 */
final class UdpSipClient implements AutoCloseable {
    private final DatagramSocket sip;
    private final InetSocketAddress server;
    private final String target;
    private final String from;
    private final String contactParams;
    private final String callId;
    private final String fromTag = Long.toHexString(new SecureRandom().nextLong());
    private String toTag;
    private int cseq = 1;

    /**
     * @param user          the Request-URI's user at Earpiece ({@code assistant}, {@code srs})
     * @param fromUser      this client's user, in From, Contact and the Call-ID
     * @param contactParams what follows the Contact's URI, e.g. {@code ;+sip.src}; empty for nothing
     */
    UdpSipClient(int sipPort, String user, String fromUser, String contactParams) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.sip = new DatagramSocket(0, loopback);
        this.server = new InetSocketAddress(loopback, sipPort);
        this.target = "sip:" + user + "@127.0.0.1:" + sipPort;
        this.from = fromUser;
        this.contactParams = contactParams;
        this.callId = UUID.randomUUID() + "@" + fromUser;
    }

    String callId() {
        return callId;
    }

    /** Sends the INVITE, waits for its final response, acknowledges it and returns it (a 2xx sets the To tag). */
    String invite(String extraHeaders, String body) throws IOException {
        send(request("INVITE", cseq, extraHeaders, body));
        String response;
        do {
            response = receive(30_000);
        } while (status(response) < 200 || !header(response, "CSeq").endsWith("INVITE"));
        if (status(response) / 100 == 2) {
            toTag = header(response, "To").replaceAll(".*;tag=([^;>\\s]+).*", "$1");
        }
        send(request("ACK", cseq, "", ""));
        return response;
    }

    /** Ends the dialog with BYE and returns the status of its response. */
    int bye() throws IOException {
        cseq++;
        send(request("BYE", cseq, "", ""));
        String response;
        do {
            response = receive(10_000);
        } while (!header(response, "CSeq").endsWith("BYE"));
        return status(response);
    }

    @Override
    public void close() {
        sip.close();
    }

    private String request(String method, int seq, String extraHeaders, String body) {
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID()
                + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:" + from + "@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <" + target + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + seq + " " + method + "\r\n"
                + "Contact: <sip:" + from + "@127.0.0.1:" + sip.getLocalPort() + ">" + contactParams + "\r\n"
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

    static int status(String response) {
        return Integer.parseInt(response.substring(8, 11));
    }

    /** The message's body, after the blank line. */
    static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }

    /** A random master key and salt for {@code suite}. */
    static SrtpKey randomKey(SrtpSuite suite) {
        SecureRandom random = new SecureRandom();
        byte[] k = new byte[suite.keyLength()];
        byte[] s = new byte[suite.saltLength()];
        random.nextBytes(k);
        random.nextBytes(s);
        return new SrtpKey(suite, k, s);
    }

    /** The {@code a=crypto} line (with CRLF) offering {@code key} under tag 1. */
    static String cryptoLine(SrtpKey key) {
        byte[] keySalt = new byte[key.masterKey().length + key.masterSalt().length];
        System.arraycopy(key.masterKey(), 0, keySalt, 0, key.masterKey().length);
        System.arraycopy(key.masterSalt(), 0, keySalt, key.masterKey().length, key.masterSalt().length);
        return "a=crypto:1 " + key.suite().sdesName() + " inline:" + Base64.getEncoder().encodeToString(keySalt)
                + "\r\n";
    }

    /** What an encrypted packet is handed to. */
    interface Sender {
        void send(byte[] srtp) throws IOException;
    }

    /** Encrypts and sends these RTP packets one each 20 ms, as a phone does. */
    static void playInRealTime(List<byte[]> packets, SrtpContext protect, Sender sender)
            throws IOException, SrtpException {
        long next = System.nanoTime();
        for (byte[] rtp : packets) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += 20_000_000L;
            sender.send(protect.protect(rtp));
        }
    }
}
