package io.earpiece.media.srtp;

import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class SrtpContextTest {

    private static final HexFormat HEX = HexFormat.of();
    // RFC 3711 appendix B.3's master key and salt.
    private static final byte[] MASTER_KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] MASTER_SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");

    private final RtpPacketWriter writer = new RtpPacketWriter();

    @Test
    void aesCounterModeKeystreamIsRfc3711AppendixB2() {
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] salt = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd");
        // Label 0 leaves the salt as it is, so the PRF is exactly B.2's counter mode with offset salt * 2^16.
        byte[] stream = KeyDerivation.derive(key, salt, 0, 0xFF02 * 16);
        assertThat(block(stream, 0x0000)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4");
        assertThat(block(stream, 0x0001)).isEqualTo("d23513162b02d0f72a43a2fe4a5f97ab");
        assertThat(block(stream, 0x0002)).isEqualTo("41e95b3bb0a2e8dd477901e4fca894c0");
        assertThat(block(stream, 0xFEFF)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4");
        assertThat(block(stream, 0xFF00)).isEqualTo("362b7c3c6773516318a077d7fc5073ae");
        assertThat(block(stream, 0xFF01)).isEqualTo("6a2cc3787889374fbeb4c81b17ba6c44");
    }

    @Test
    void keyDerivationIsRfc3711AppendixB3() {
        assertThat(HEX.formatHex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_ENCRYPTION,
                16))).isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
        assertThat(HEX.formatHex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_SALT, 14)))
                .isEqualTo("30cbbc08863d8c85d49db34a9ae1");
        assertThat(HEX.formatHex(KeyDerivation.derive(MASTER_KEY, MASTER_SALT, KeyDerivation.LABEL_RTP_AUTH, 20)))
                .isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
    }

    @Test
    void protectsLikeLibsrtpsReferencePacket() throws Exception {
        // libsrtp's srtp_driver reference: the B.3 key, SSRC cafebabe, seq 0x1234, 16 bytes of 0xab.
        byte[] rtp = HEX.parseHex("800f1234decafbadcafebabeabababababababababababababababab");
        byte[] expected = HEX.parseHex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
        SrtpKey key = new SrtpKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
        assertThat(HEX.formatHex(new SrtpContext(key).protect(rtp))).isEqualTo(HEX.formatHex(expected));
        assertThat(new SrtpContext(key).unprotect(expected)).isEqualTo(rtp);
    }

    @Test
    void matchesPacketsProtectedByLibsrtp() throws Exception {
        // Produced with libsrtp 2.5.0 (Debian libsrtp2-dev, srtp_protect): key 00..0f, salt a0.., SSRC cafebabe,
        // seq 0x1234, 16 bytes of 0xab. The GCM packet is the only check of AEAD_AES_128_GCM against another
        // implementation (RFC 7714's own vectors are not reproduced here). libsrtp feeds its key derivation 30 bytes
        // even for GCM's 28-byte key and salt; with the two bytes after the salt zero, as here, it agrees with
        // padding the 12-byte salt with zeros.
        byte[] rtp = HEX.parseHex("80001234decafbadcafebabeabababababababababababababababab");
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] gcm = HEX.parseHex("80001234decafbadcafebabec5002ede04cfdd2eb91159e0880aa06e"
                + "c7aca980e85992197e56f6d4da1ae498");
        SrtpKey gcmKey = new SrtpKey(SrtpSuite.AEAD_AES_128_GCM, key, HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab"));
        assertThat(HEX.formatHex(new SrtpContext(gcmKey).protect(rtp))).isEqualTo(HEX.formatHex(gcm));
        assertThat(new SrtpContext(gcmKey).unprotect(gcm)).isEqualTo(rtp);
        byte[] cm = HEX.parseHex("80001234decafbadcafebabee2d8df8f7a75d688c3502eeec2a9806633558115445dc53d9107");
        SrtpKey cmKey = new SrtpKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key,
                HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacad"));
        assertThat(HEX.formatHex(new SrtpContext(cmKey).protect(rtp))).isEqualTo(HEX.formatHex(cm));
    }

    @Test
    void everySuiteRoundTripsAndHidesThePayload() throws Exception {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpKey key = randomKey(suite, 1);
            SrtpContext sender = new SrtpContext(key);
            SrtpContext receiver = new SrtpContext(key);
            for (int i = 0; i < 100; i++) {
                byte[] rtp = rtp(1000 + i, 0x1234, payload(i));
                byte[] srtp = sender.protect(rtp);
                assertThat(srtp).hasSize(rtp.length + suite.tagLength());
                assertThat(Arrays.copyOfRange(srtp, 12, rtp.length)).isNotEqualTo(payload(i));
                assertThat(receiver.unprotect(srtp)).as(suite + " packet " + i).isEqualTo(rtp);
            }
        }
    }

    @Test
    void rolloverCounterFollowsTheSequenceAcrossItsWrap() throws Exception {
        SrtpKey key = randomKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 2);
        SrtpContext sender = new SrtpContext(key);
        SrtpContext receiver = new SrtpContext(key);
        byte[][] sent = new byte[40][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = sender.protect(rtp((65520 + i) & 0xFFFF, 7, payload(i)));
        }
        // Reordered around the wrap: 65535 arrives after 0 and 1.
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 15, 18, 19, 20, 21, 22, 23, 24, 25,
                26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39};
        for (int i : order) {
            assertThat(receiver.unprotect(sent[i])).as("packet " + i).isEqualTo(rtp((65520 + i) & 0xFFFF, 7,
                    payload(i)));
        }
        assertThat(sender.rolloverCounter(7)).isEqualTo(1);
        assertThat(receiver.rolloverCounter(7)).isEqualTo(1);
    }

    @Test
    void replaysAreRefusedAndTheWindowSlides() throws Exception {
        SrtpKey key = randomKey(SrtpSuite.AES_CM_128_HMAC_SHA1_32, 3);
        SrtpContext sender = new SrtpContext(key);
        SrtpContext receiver = new SrtpContext(key);
        byte[][] sent = new byte[100][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = sender.protect(rtp(i, 9, payload(i)));
        }
        receiver.unprotect(sent[0]);
        receiver.unprotect(sent[2]);
        expect(receiver, sent[2], SrtpException.Reason.REPLAYED);
        receiver.unprotect(sent[1]);
        expect(receiver, sent[1], SrtpException.Reason.REPLAYED);
        receiver.unprotect(sent[99]);
        // 99 - 35 = 64: just behind the 64-packet window, refused although never seen.
        expect(receiver, sent[35], SrtpException.Reason.REPLAYED);
        assertThat(receiver.unprotect(sent[36])).isNotNull();
    }

    @Test
    void aWrongKeyOrAnAlteredPacketFailsAuthenticationAndChangesNothing() throws Exception {
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpContext sender = new SrtpContext(randomKey(suite, 4));
            SrtpContext receiver = new SrtpContext(randomKey(suite, 5));
            byte[] srtp = sender.protect(rtp(10, 1, payload(0)));
            expect(receiver, srtp, SrtpException.Reason.AUTH_FAILED);
            SrtpContext right = new SrtpContext(randomKey(suite, 4));
            byte[] altered = srtp.clone();
            altered[14] ^= 1;
            expect(right, altered, SrtpException.Reason.AUTH_FAILED);
            // The forged packet did not enter the replay window: the genuine one still passes.
            assertThat(right.unprotect(srtp)).isEqualTo(rtp(10, 1, payload(0)));
        }
    }

    @Test
    void garbageOnlyEverRaisesSrtpException() {
        Random random = new Random(42);
        for (SrtpSuite suite : SrtpSuite.values()) {
            SrtpContext receiver = new SrtpContext(randomKey(suite, 6));
            for (int i = 0; i < 20_000; i++) {
                byte[] junk = new byte[random.nextInt(80)];
                random.nextBytes(junk);
                if (junk.length > 0 && random.nextBoolean()) {
                    junk[0] = (byte) (0x80 | (junk[0] & 0x3F));
                }
                try {
                    receiver.unprotect(junk);
                    fail("garbage authenticated");
                } catch (SrtpException e) {
                    assertThat(e.reason()).isIn(SrtpException.Reason.MALFORMED, SrtpException.Reason.AUTH_FAILED);
                }
            }
        }
    }

    @Test
    void headersWithCsrcsAndExtensionsStayInTheClear() throws Exception {
        SrtpKey key = randomKey(SrtpSuite.AES_CM_128_HMAC_SHA1_80, 7);
        byte[] rtp = writer.write(new RtpPacket(true, 0, 5, 800, 77, new int[]{1, 2}, -1, payload(3)));
        byte[] srtp = new SrtpContext(key).protect(rtp);
        assertThat(Arrays.copyOf(srtp, 20)).isEqualTo(Arrays.copyOf(rtp, 20));
        assertThat(new SrtpContext(key).unprotect(srtp)).isEqualTo(rtp);
        byte[] truncated = Arrays.copyOf(srtp, 12 + 10);
        truncated[0] = (byte) 0x8F;
        expect(new SrtpContext(key), truncated, SrtpException.Reason.MALFORMED);
    }

    private static void expect(SrtpContext receiver, byte[] srtp, SrtpException.Reason reason) {
        assertThatThrownBy(() -> receiver.unprotect(srtp)).isInstanceOfSatisfying(SrtpException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private byte[] rtp(int seq, long ssrc, byte[] payload) {
        return writer.write(RtpPacket.simple(false, 0, seq, seq * 160L, ssrc, payload));
    }

    private static byte[] payload(int i) {
        byte[] p = new byte[160];
        Arrays.fill(p, (byte) (0x55 + i));
        return p;
    }

    static SrtpKey randomKey(SrtpSuite suite, long seed) {
        Random random = new Random(seed);
        byte[] key = new byte[suite.keyLength()];
        byte[] salt = new byte[suite.saltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SrtpKey(suite, key, salt);
    }

    private static String block(byte[] stream, int counter) {
        return HEX.formatHex(Arrays.copyOfRange(stream, counter * 16, counter * 16 + 16));
    }
}
