package io.earpiece.media.srtp;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One direction of SRTP (RFC 3711, and RFC 7714 for AES-GCM) under one master key: {@link #protect} turns RTP into
 * SRTP, {@link #unprotect} turns SRTP back into RTP, authenticating it and refusing replays. A pure transform over
 * byte arrays (inputs are never modified), free of I/O so it can be fuzzed; each SSRC keeps its own rollover
 * counter (ROC, estimated across sequence wrap as in RFC 3711 appendix A) and replay window, both advanced only by
 * authenticated packets. Not thread-safe: one event loop owns a context. SRTCP is not handled (Earpiece's media
 * server does not read RTCP).
 */
public final class SrtpContext {

    /** SSRCs tracked at once; a call has one or two, garbage with random SSRCs must not grow the table. */
    static final int MAX_STREAMS = 16;
    private static final int RTP_HEADER = 12;

    /** Per-SSRC state: the highest sequence number authenticated ({@code s_l}) in its ROC's cycle. */
    private static final class Stream {
        long roc;
        int highestSeq;
        final ReplayWindow replay = new ReplayWindow();

        Stream(int firstSeq) {
            this.highestSeq = firstSeq;
        }
    }

    private final SrtpSuite suite;
    private final byte[] sessionSalt;
    private final SICBlockCipher ctr;
    private final HMac hmac;
    private final GCMModeCipher gcm;
    private final KeyParameter gcmKey;
    private final byte[] iv = new byte[16];
    private final byte[] mac = new byte[20];
    private final byte[] rocBytes = new byte[4];
    private final Map<Long, Stream> streams = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Stream> eldest) {
            return size() > MAX_STREAMS;
        }
    };

    public SrtpContext(SrtpKey key) {
        this.suite = key.suite();
        byte[] masterKey = key.masterKey();
        byte[] masterSalt = key.masterSalt();
        byte[] sessionKey = KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.LABEL_RTP_ENCRYPTION,
                suite.keyLength());
        this.sessionSalt = KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.LABEL_RTP_SALT,
                suite.saltLength());
        if (suite.aead()) {
            this.gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
            this.gcmKey = new KeyParameter(sessionKey);
            this.ctr = null;
            this.hmac = null;
        } else {
            this.ctr = new SICBlockCipher(AESEngine.newInstance());
            // Expands the AES key schedule once; each packet then only sets its counter block.
            this.ctr.init(true, new ParametersWithIV(new KeyParameter(sessionKey), new byte[16]));
            this.hmac = new HMac(new SHA1Digest());
            this.hmac.init(new KeyParameter(KeyDerivation.derive(masterKey, masterSalt, KeyDerivation.LABEL_RTP_AUTH,
                    SrtpSuite.AUTH_KEY_LENGTH)));
            this.gcm = null;
            this.gcmKey = null;
        }
    }

    public SrtpSuite suite() {
        return suite;
    }

    /** The SRTP packet for one RTP packet: payload encrypted, authentication tag appended. */
    public byte[] protect(byte[] rtp) throws SrtpException {
        int header = headerLength(rtp, rtp.length);
        long ssrc = u32(rtp, 8);
        int seq = u16(rtp, 2);
        Stream stream = streams.get(ssrc);
        long roc;
        if (stream == null) {
            stream = new Stream(seq);
            streams.put(ssrc, stream);
            roc = 0;
        } else {
            roc = estimateRoc(stream, seq);
            advance(stream, roc, seq);
        }
        int tag = suite.tagLength();
        byte[] out = new byte[rtp.length + tag];
        System.arraycopy(rtp, 0, out, 0, header);
        if (suite.aead()) {
            gcm.init(true, new AEADParameters(gcmKey, 8 * tag, gcmNonce(ssrc, roc, seq)));
            gcm.processAADBytes(rtp, 0, header);
            int n = gcm.processBytes(rtp, header, rtp.length - header, out, header);
            try {
                gcm.doFinal(out, header + n);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("GCM encryption cannot fail", e);
            }
            return out;
        }
        keystream(ssrc, roc, seq);
        ctr.processBytes(rtp, header, rtp.length - header, out, header);
        authenticate(out, rtp.length, roc);
        System.arraycopy(mac, 0, out, rtp.length, tag);
        return out;
    }

    /**
     * The RTP packet inside an SRTP packet, once its tag checks out and its index was not seen before.
     *
     * @throws SrtpException MALFORMED (too short for header and tag), AUTH_FAILED, REPLAYED
     */
    public byte[] unprotect(byte[] srtp) throws SrtpException {
        int tag = suite.tagLength();
        if (srtp.length < RTP_HEADER + tag) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, srtp.length + " bytes cannot hold an RTP header and a "
                    + tag + "-byte tag");
        }
        int length = srtp.length - tag;
        int header = headerLength(srtp, length);
        long ssrc = u32(srtp, 8);
        int seq = u16(srtp, 2);
        Stream stream = streams.get(ssrc);
        long roc = stream == null ? 0 : estimateRoc(stream, seq);
        long index = (roc << 16) | seq;
        if (stream != null && !stream.replay.check(index)) {
            throw new SrtpException(SrtpException.Reason.REPLAYED, "SSRC " + ssrc + " index " + index);
        }
        byte[] out = new byte[length];
        System.arraycopy(srtp, 0, out, 0, header);
        if (suite.aead()) {
            gcm.init(false, new AEADParameters(gcmKey, 8 * tag, gcmNonce(ssrc, roc, seq)));
            gcm.processAADBytes(srtp, 0, header);
            byte[] plain = new byte[srtp.length - header];
            int n = gcm.processBytes(srtp, header, srtp.length - header, plain, 0);
            try {
                n += gcm.doFinal(plain, n);
            } catch (InvalidCipherTextException e) {
                throw new SrtpException(SrtpException.Reason.AUTH_FAILED, "SSRC " + ssrc + " seq " + seq);
            }
            System.arraycopy(plain, 0, out, header, n);
        } else {
            authenticate(srtp, length, roc);
            if (!MessageDigest.isEqual(java.util.Arrays.copyOf(mac, tag),
                    java.util.Arrays.copyOfRange(srtp, length, srtp.length))) {
                throw new SrtpException(SrtpException.Reason.AUTH_FAILED, "SSRC " + ssrc + " seq " + seq);
            }
            keystream(ssrc, roc, seq);
            ctr.processBytes(srtp, header, length - header, out, header);
        }
        if (stream == null) {
            stream = new Stream(seq);
            streams.put(ssrc, stream);
        } else {
            advance(stream, roc, seq);
        }
        stream.replay.accept(index);
        return out;
    }

    /** The rollover counter of SSRC {@code ssrc} now (0 before its first packet); for tests and diagnostics. */
    public long rolloverCounter(long ssrc) {
        Stream stream = streams.get(ssrc);
        return stream == null ? 0 : stream.roc;
    }

    /** RFC 3711 section 3.3.1 / appendix A: the ROC a sequence number most likely belongs to. */
    private static long estimateRoc(Stream stream, int seq) {
        int sl = stream.highestSeq;
        if (sl < 32768) {
            return seq - sl > 32768 ? stream.roc - 1 : stream.roc;
        }
        return sl - 32768 > seq ? stream.roc + 1 : stream.roc;
    }

    private static void advance(Stream stream, long roc, int seq) {
        if (roc == stream.roc + 1) {
            stream.roc = roc;
            stream.highestSeq = seq;
        } else if (roc == stream.roc && seq > stream.highestSeq) {
            stream.highestSeq = seq;
        }
    }

    /** Sets the counter block (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16) of RFC 3711 section 4.1.1. */
    private void keystream(long ssrc, long roc, int seq) {
        java.util.Arrays.fill(iv, (byte) 0);
        System.arraycopy(sessionSalt, 0, iv, 0, sessionSalt.length);
        xor32(iv, 4, ssrc);
        xor32(iv, 8, roc);
        iv[12] ^= (byte) (seq >>> 8);
        iv[13] ^= (byte) seq;
        ctr.init(true, new ParametersWithIV(null, iv));
    }

    /** RFC 7714 section 8.1: (00 00 || SSRC || ROC || SEQ) XOR the 12-byte session salt. */
    private byte[] gcmNonce(long ssrc, long roc, int seq) {
        byte[] nonce = sessionSalt.clone();
        xor32(nonce, 2, ssrc);
        xor32(nonce, 6, roc);
        nonce[10] ^= (byte) (seq >>> 8);
        nonce[11] ^= (byte) seq;
        return nonce;
    }

    /** HMAC-SHA1 over the authenticated portion followed by the ROC (RFC 3711 section 4.2), into {@link #mac}. */
    private void authenticate(byte[] packet, int length, long roc) {
        hmac.update(packet, 0, length);
        rocBytes[0] = (byte) (roc >>> 24);
        rocBytes[1] = (byte) (roc >>> 16);
        rocBytes[2] = (byte) (roc >>> 8);
        rocBytes[3] = (byte) roc;
        hmac.update(rocBytes, 0, 4);
        hmac.doFinal(mac, 0);
    }

    /** The RTP header's length (fixed part, CSRCs, extension), checked to fit in {@code length} bytes. */
    private static int headerLength(byte[] p, int length) throws SrtpException {
        if (length < RTP_HEADER) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, length + " bytes is shorter than an RTP header");
        }
        if ((p[0] & 0xC0) != 0x80) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP version " + ((p[0] & 0xFF) >>> 6));
        }
        int header = RTP_HEADER + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0) {
            if (length < header + 4) {
                throw new SrtpException(SrtpException.Reason.MALFORMED, "no room for the header extension");
            }
            header += 4 + 4 * u16(p, header + 2);
        }
        if (header > length) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "a " + header + "-byte header in " + length
                    + " bytes");
        }
        return header;
    }

    private static void xor32(byte[] b, int at, long v) {
        b[at] ^= (byte) (v >>> 24);
        b[at + 1] ^= (byte) (v >>> 16);
        b[at + 2] ^= (byte) (v >>> 8);
        b[at + 3] ^= (byte) v;
    }

    private static int u16(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    private static long u32(byte[] d, int i) {
        return ((long) u16(d, i) << 16) | u16(d, i + 2);
    }
}
