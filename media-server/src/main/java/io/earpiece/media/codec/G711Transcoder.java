package io.earpiece.media.codec;

import io.earpiece.media.g711.G711Codec;

/**
 * Re-encodes a G.711 payload from one companding law to the other byte by byte through a 256-entry table (decode
 * to linear, encode again), so µ-law and A-law legs can talk with no change in timing. A pure function of bytes.
 */
public final class G711Transcoder {

    private final byte[] table = new byte[256];

    public G711Transcoder(G711Codec from, G711Codec to) {
        for (int code = 0; code < 256; code++) {
            short[] linear = from.decode(new byte[] {(byte) code});
            table[code] = to.encode(linear[0]);
        }
    }

    public byte[] transcode(byte[] payload) {
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = table[payload[i] & 0xFF];
        }
        return out;
    }
}
