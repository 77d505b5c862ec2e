package io.earpiece.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues nonces that carry their own issue time under an HMAC, so expiry needs no table, and remembers the
 * highest nonce-count used with each so that a replayed request is refused.
 */
public final class NonceManager {
    /** How a presented nonce stands. */
    public enum Check { FRESH, STALE, REPLAYED, FORGED }

    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = Long.BYTES + RANDOM_BYTES + MAC_BYTES;
    private static final int SWEEP_EVERY = 256;

    private final Clock clock;
    private final Duration lifetime;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** Highest nc per nonce still within its lifetime. */
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private int checksSinceSweep;

    public NonceManager(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** A new nonce. */
    public String issue() {
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES);
        b.putLong(clock.millis());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), Long.BYTES + RANDOM_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * Checks a nonce and records its count. {@code nc} is the 8-hex-digit nonce-count; each must exceed the
     * last one accepted with this nonce.
     */
    public Check use(String nonce, String nc) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        if (raw.length != NONCE_BYTES) {
            return Check.FORGED;
        }
        byte[] expected = mac(raw, Long.BYTES + RANDOM_BYTES);
        byte[] presented = new byte[MAC_BYTES];
        System.arraycopy(raw, Long.BYTES + RANDOM_BYTES, presented, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, presented)) {
            return Check.FORGED;
        }
        long issued = ByteBuffer.wrap(raw).getLong();
        long now = clock.millis();
        sweep(now);
        if (now - issued > lifetime.toMillis() || issued - now > lifetime.toMillis()) {
            return Check.STALE;
        }
        long count = parseCount(nc);
        if (count <= 0) {
            return Check.REPLAYED;
        }
        boolean[] advanced = {false};
        counts.compute(nonce, (k, last) -> {
            if (last == null || count > last) {
                advanced[0] = true;
                return count;
            }
            return last;
        });
        return advanced[0] ? Check.FRESH : Check.REPLAYED;
    }

    /** Nonces being tracked for replay; bounded by the issue rate times the lifetime. */
    public int tracked() {
        return counts.size();
    }

    private void sweep(long now) {
        synchronized (counts) {
            if (++checksSinceSweep < SWEEP_EVERY) {
                return;
            }
            checksSinceSweep = 0;
        }
        // Forgetting an expired nonce is safe: it will be answered STALE before its count is looked at.
        for (Iterator<String> it = counts.keySet().iterator(); it.hasNext(); ) {
            String n = it.next();
            byte[] raw = Base64.getUrlDecoder().decode(n);
            if (now - ByteBuffer.wrap(raw).getLong() > lifetime.toMillis()) {
                it.remove();
            }
        }
    }

    private static long parseCount(String nc) {
        if (nc == null || nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] mac(byte[] data, int len) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            m.update(data, 0, len);
            byte[] full = m.doFinal();
            byte[] out = new byte[MAC_BYTES];
            System.arraycopy(full, 0, out, 0, MAC_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
