package io.earpiece.media.support;

import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;

/** Generates a 20 ms PCMU RTP stream of a sine tone, packet by packet, with chosen start sequence and timestamp. */
public final class PcmuStream {

    public static final int SAMPLES_PER_PACKET = 160;

    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final double hz;
    private final double amplitude;
    private final int firstSeq;
    private final long firstTimestamp;
    private final long ssrc;

    public PcmuStream(double hz, double amplitude, int firstSeq, long firstTimestamp, long ssrc) {
        this.hz = hz;
        this.amplitude = amplitude;
        this.firstSeq = firstSeq;
        this.firstTimestamp = firstTimestamp;
        this.ssrc = ssrc;
    }

    /** Packet {@code index} of the stream: sequence and timestamp advance by one packet each. */
    public RtpPacket packet(int index) {
        short[] pcm = Tone.sine(hz, amplitude, 8000, (long) index * SAMPLES_PER_PACKET, SAMPLES_PER_PACKET);
        byte[] payload = G711Codec.PCMU.encode(pcm, 0, pcm.length);
        return RtpPacket.simple(index == 0, 0, firstSeq + index, firstTimestamp + (long) index * SAMPLES_PER_PACKET,
                ssrc, payload);
    }

    public byte[] bytes(int index) {
        return writer.write(packet(index));
    }

    /** A telephone-event packet of this stream's SSRC. */
    public byte[] telephoneEvent(int payloadType, int seqIndex, long timestamp, int event, boolean end, int duration) {
        byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        return writer.write(RtpPacket.simple(false, payloadType, firstSeq + seqIndex,
                firstTimestamp + timestamp, ssrc, payload));
    }

    public long firstTimestamp() {
        return firstTimestamp;
    }
}
