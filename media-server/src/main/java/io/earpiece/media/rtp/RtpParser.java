package io.earpiece.media.rtp;

import java.util.Arrays;

/** Parses RTP packets (RFC 3550 section 5.1) from raw datagram bytes; a pure function with no state. */
public final class RtpParser {

    public static final int FIXED_HEADER = 12;

    /** Parses the whole array as one packet. */
    public RtpPacket parse(byte[] data) throws RtpParseException {
        return parse(data, 0, data.length);
    }

    /** Parses {@code length} bytes starting at {@code offset}; every length is checked before it is read. */
    public RtpPacket parse(byte[] data, int offset, int length) throws RtpParseException {
        if (length < FIXED_HEADER) {
            throw new RtpParseException(RtpParseException.Reason.TOO_SHORT, length + " bytes");
        }
        int b0 = data[offset] & 0xFF;
        int version = b0 >>> 6;
        if (version != 2) {
            throw new RtpParseException(RtpParseException.Reason.BAD_VERSION, "version " + version);
        }
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int csrcCount = b0 & 0x0F;
        int b1 = data[offset + 1] & 0xFF;
        int header = FIXED_HEADER + 4 * csrcCount;
        if (length < header) {
            throw new RtpParseException(RtpParseException.Reason.TRUNCATED_CSRC,
                    csrcCount + " CSRCs need " + header + " bytes, have " + length);
        }
        int extensionProfile = -1;
        if (extension) {
            if (length < header + 4) {
                throw new RtpParseException(RtpParseException.Reason.TRUNCATED_EXTENSION,
                        "no room for the extension header");
            }
            extensionProfile = u16(data, offset + header);
            int words = u16(data, offset + header + 2);
            header += 4 + 4 * words;
            if (length < header) {
                throw new RtpParseException(RtpParseException.Reason.TRUNCATED_EXTENSION,
                        words + " extension words need " + header + " bytes, have " + length);
            }
        }
        int paddingBytes = 0;
        if (padding) {
            paddingBytes = data[offset + length - 1] & 0xFF;
            if (paddingBytes == 0 || header + paddingBytes > length) {
                throw new RtpParseException(RtpParseException.Reason.BAD_PADDING,
                        paddingBytes + " padding bytes after a " + header + "-byte header in " + length);
            }
        }
        int[] csrcs = new int[csrcCount];
        for (int i = 0; i < csrcCount; i++) {
            csrcs[i] = (int) u32(data, offset + FIXED_HEADER + 4 * i);
        }
        byte[] payload = Arrays.copyOfRange(data, offset + header, offset + length - paddingBytes);
        return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F, u16(data, offset + 2), u32(data, offset + 4),
                u32(data, offset + 8), csrcs, extensionProfile, payload);
    }

    private static int u16(byte[] d, int i) {
        return ((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF);
    }

    private static long u32(byte[] d, int i) {
        return ((long) u16(d, i) << 16) | u16(d, i + 2);
    }
}
