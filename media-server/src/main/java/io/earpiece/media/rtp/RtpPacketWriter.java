package io.earpiece.media.rtp;

/** Serialises an {@link RtpPacket} to wire bytes (no padding; an extension is written empty). */
public final class RtpPacketWriter {

    public byte[] write(RtpPacket p) {
        boolean extension = p.extensionProfile() >= 0;
        int header = RtpParser.FIXED_HEADER + 4 * p.csrcs().length + (extension ? 4 : 0);
        byte[] out = new byte[header + p.payload().length];
        out[0] = (byte) (0x80 | (extension ? 0x10 : 0) | p.csrcs().length);
        out[1] = (byte) ((p.marker() ? 0x80 : 0) | (p.payloadType() & 0x7F));
        putU16(out, 2, p.sequenceNumber());
        putU32(out, 4, p.timestamp());
        putU32(out, 8, p.ssrc());
        int at = RtpParser.FIXED_HEADER;
        for (int csrc : p.csrcs()) {
            putU32(out, at, csrc);
            at += 4;
        }
        if (extension) {
            putU16(out, at, p.extensionProfile());
            putU16(out, at + 2, 0);
            at += 4;
        }
        System.arraycopy(p.payload(), 0, out, at, p.payload().length);
        return out;
    }

    private static void putU16(byte[] d, int i, int v) {
        d[i] = (byte) (v >>> 8);
        d[i + 1] = (byte) v;
    }

    private static void putU32(byte[] d, int i, long v) {
        putU16(d, i, (int) (v >>> 16));
        putU16(d, i + 2, (int) v);
    }
}
