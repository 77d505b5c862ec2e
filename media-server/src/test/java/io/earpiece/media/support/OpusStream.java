package io.earpiece.media.support;

import io.earpiece.media.codec.CodecException;
import io.earpiece.media.codec.OpusPayloadEncoder;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;

/** A 20 ms Opus RTP stream (48 kHz clock) of a sine tone, encoded with Concentus from 48 kHz PCM in order. */
public final class OpusStream {

    public static final int CLOCK_PER_PACKET = 960;

    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final OpusPayloadEncoder encoder = new OpusPayloadEncoder(48_000, 64_000, 10);
    private final double hz;
    private final double amplitude;
    private final int payloadType;
    private final int firstSeq;
    private final long firstTimestamp;
    private final long ssrc;
    private int next;

    public OpusStream(double hz, double amplitude, int payloadType, int firstSeq, long firstTimestamp, long ssrc) {
        this.hz = hz;
        this.amplitude = amplitude;
        this.payloadType = payloadType;
        this.firstSeq = firstSeq;
        this.firstTimestamp = firstTimestamp;
        this.ssrc = ssrc;
    }

    /** The next packet; packets must be taken in order because the encoder keeps state. */
    public RtpPacket nextPacket() throws CodecException {
        int index = next++;
        short[] pcm = Tone.sine(hz, amplitude, 48_000, (long) index * CLOCK_PER_PACKET, CLOCK_PER_PACKET);
        return RtpPacket.simple(index == 0, payloadType, firstSeq + index,
                firstTimestamp + (long) index * CLOCK_PER_PACKET, ssrc, encoder.encode(pcm, 0, pcm.length));
    }

    public byte[] nextBytes() throws CodecException {
        return writer.write(nextPacket());
    }
}
