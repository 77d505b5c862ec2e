package io.earpiece.media.relay;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.codec.CodecException;
import io.earpiece.media.codec.Codecs;
import io.earpiece.media.codec.G711Transcoder;
import io.earpiece.media.codec.PayloadDecoder;
import io.earpiece.media.codec.PayloadEncoder;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Turns packets one side sent into packets for the other side: the same codec passes through byte for byte (only
 * the payload type is rewritten when the sides numbered it differently); PCMU and PCMA are re-encoded sample by
 * sample; Opus and G.711 are decoded and re-encoded at 8 kHz. Sequence numbers, SSRC, CSRCs and the marker are
 * kept; timestamps are kept, or scaled when the clock rates differ. RFC 4733 events pass with the other side's
 * payload type (durations scaled with the clock). Not thread-safe: one relay event loop owns it.
 */
public final class RelayDirection {

    private static final Logger log = LoggerFactory.getLogger(RelayDirection.class);
    /** Opus and G.711 meet at telephone bandwidth; the Opus decoder and encoder resample internally. */
    private static final int TRANSCODE_RATE = G711Codec.CLOCK_RATE;

    /** Re-encodes one audio payload. */
    private interface AudioTranslator {
        byte[] translate(byte[] payload) throws CodecException;
    }

    private final RtpFormat from;
    private final RtpFormat to;
    private final TimestampMapper timestamps;
    private final AudioTranslator audio;
    private final RtpPacketWriter writer = new RtpPacketWriter();
    private short[] pcm = new short[0];
    private long untranslatable;

    public RelayDirection(RtpFormat from, RtpFormat to) {
        this.from = from;
        this.to = to;
        this.timestamps = new TimestampMapper(from.codec().clockRate(), to.codec().clockRate());
        this.audio = translator(from.codec(), to.codec());
    }

    public RtpFormat from() {
        return from;
    }

    public RtpFormat to() {
        return to;
    }

    /**
     * The datagram to send on for {@code packet} (parsed from {@code wire}, which is never modified), or null when
     * it cannot go to the other side: a telephone event the other side did not negotiate, or audio that does not
     * transcode.
     */
    public byte[] translate(RtpPacket packet, byte[] wire) {
        int pt = packet.payloadType();
        if (from.isTelephoneEvent(pt)) {
            return telephoneEvent(packet, wire);
        }
        if (pt != from.payloadType()) {
            return null;
        }
        if (audio == null) {
            return withPayloadType(wire, to.payloadType());
        }
        try {
            byte[] payload = audio.translate(packet.payload());
            return rewrite(packet, to.payloadType(), payload);
        } catch (CodecException e) {
            untranslatable++;
            log.debug("{} -> {}: {}", from.codec(), to.codec(), e.getMessage());
            return null;
        }
    }

    /** Packets that could not be transcoded so far. */
    public long untranslatable() {
        return untranslatable;
    }

    private byte[] telephoneEvent(RtpPacket packet, byte[] wire) {
        if (to.telephoneEventPt() < 0) {
            return null;
        }
        if (timestamps.identity()) {
            return withPayloadType(wire, to.telephoneEventPt());
        }
        byte[] payload = packet.payload().clone();
        // Every whole four-byte event block carries a duration in timestamp units of the sender's clock.
        for (int at = 0; at + 4 <= payload.length; at += 4) {
            long duration = ((payload[at + 2] & 0xFF) << 8) | (payload[at + 3] & 0xFF);
            long scaled = Math.min(0xFFFF, timestamps.scale(duration));
            payload[at + 2] = (byte) (scaled >>> 8);
            payload[at + 3] = (byte) scaled;
        }
        return rewrite(packet, to.telephoneEventPt(), payload);
    }

    private byte[] rewrite(RtpPacket packet, int payloadType, byte[] payload) {
        long timestamp = timestamps.map(packet.timestamp(), packet.ssrc());
        return writer.write(new RtpPacket(packet.marker(), payloadType, packet.sequenceNumber(), timestamp,
                packet.ssrc(), packet.csrcs(), -1, payload));
    }

    private static byte[] withPayloadType(byte[] wire, int payloadType) {
        if ((wire[1] & 0x7F) == payloadType) {
            return wire;
        }
        byte[] out = Arrays.copyOf(wire, wire.length);
        out[1] = (byte) ((wire[1] & 0x80) | payloadType);
        return out;
    }

    private AudioTranslator translator(AudioCodec in, AudioCodec out) {
        if (in == out) {
            return null;
        }
        if (in != AudioCodec.OPUS && out != AudioCodec.OPUS) {
            G711Transcoder table = new G711Transcoder(g711(in), g711(out));
            return table::transcode;
        }
        PayloadDecoder decoder = Codecs.decoder(in, TRANSCODE_RATE);
        PayloadEncoder encoder = Codecs.encoder(out, TRANSCODE_RATE);
        return payload -> {
            int room = decoder.maxSamples(payload);
            if (pcm.length < room) {
                pcm = new short[room];
            }
            int n = decoder.decode(payload, pcm);
            return encoder.encode(pcm, 0, n);
        };
    }

    private static G711Codec g711(AudioCodec codec) {
        return codec == AudioCodec.PCMU ? G711Codec.PCMU : G711Codec.PCMA;
    }
}
