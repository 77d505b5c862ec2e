package io.earpiece.media.relay;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.codec.OpusPayloadDecoder;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;
import io.earpiece.media.rtp.RtpParser;
import io.earpiece.media.support.OpusStream;
import io.earpiece.media.support.PcmuStream;
import io.earpiece.media.support.Tone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelayDirectionTest {

    private static final RtpFormat PCMU = new RtpFormat(AudioCodec.PCMU, 0, 101);
    private static final RtpFormat PCMA = new RtpFormat(AudioCodec.PCMA, 8, 96);
    private static final RtpFormat PCMU_NO_EVENTS = new RtpFormat(AudioCodec.PCMU, 0, -1);
    private static final RtpFormat OPUS = new RtpFormat(AudioCodec.OPUS, 111, 110);

    private final RtpParser parser = new RtpParser();
    private final PcmuStream tone = new PcmuStream(440, 9000, 100, 5000, 0xABCDL);

    @Test
    void sameFormatPassesTheDatagramUntouched() throws Exception {
        RelayDirection direction = new RelayDirection(PCMU, PCMU);
        byte[] wire = tone.bytes(3);
        assertThat(direction.translate(parser.parse(wire), wire)).isSameAs(wire);
    }

    @Test
    void pcmuBecomesPcmaWithTimingKept() throws Exception {
        RelayDirection direction = new RelayDirection(PCMU, PCMA);
        short[] audio = new short[0];
        for (int i = 0; i < 10; i++) {
            byte[] wire = tone.bytes(i);
            byte[] original = wire.clone();
            RtpPacket in = parser.parse(wire);
            RtpPacket out = parser.parse(direction.translate(in, wire));
            assertThat(wire).as("the tap's copy is never modified").isEqualTo(original);
            assertThat(out.payloadType()).isEqualTo(8);
            assertThat(out.sequenceNumber()).isEqualTo(in.sequenceNumber());
            assertThat(out.timestamp()).isEqualTo(in.timestamp());
            assertThat(out.ssrc()).isEqualTo(in.ssrc());
            assertThat(out.marker()).isEqualTo(in.marker());
            audio = concat(audio, G711Codec.PCMA.decode(out.payload()));
        }
        assertThat(Tone.correlation(audio, Tone.sine(440, 9000, 8000, 0, audio.length), 0, audio.length))
                .isGreaterThan(0.999);
    }

    @Test
    void telephoneEventsTakeTheOtherSidesPayloadTypeOrStay() throws Exception {
        byte[] event = tone.telephoneEvent(101, 20, 3200, 7, true, 800);
        RtpPacket in = parser.parse(event);
        RtpPacket out = parser.parse(new RelayDirection(PCMU, PCMA).translate(in, event));
        assertThat(out.payloadType()).isEqualTo(96);
        assertThat(out.payload()).isEqualTo(in.payload());
        assertThat(out.timestamp()).isEqualTo(in.timestamp());
        assertThat(new RelayDirection(PCMU, PCMU_NO_EVENTS).translate(in, event)).isNull();
    }

    @Test
    void aTelephoneEventBetweenSidesOfOneCodecOnlyChangesItsPayloadTypeByte() throws Exception {
        byte[] event = tone.telephoneEvent(101, 20, 3200, 7, true, 800);
        event[1] |= (byte) 0x80;
        byte[] out = new RelayDirection(PCMU, new RtpFormat(AudioCodec.PCMU, 0, 96))
                .translate(parser.parse(event), event);
        assertThat(out[1]).as("marker kept, 101 became 96").isEqualTo((byte) (0x80 | 96));
        assertThat(java.util.Arrays.copyOfRange(out, 2, out.length))
                .isEqualTo(java.util.Arrays.copyOfRange(event, 2, event.length));
        assertThat(event[1]).as("the received datagram is left alone").isEqualTo((byte) (0x80 | 101));
    }

    @Test
    void opusBecomesPcmuAtTheG711ClockAndBack() throws Exception {
        OpusStream opus = new OpusStream(500, 8000, 111, 7, 48_000, 0x5151L);
        RelayDirection toPcmu = new RelayDirection(OPUS, PCMU);
        short[] audio = new short[0];
        long firstTs = -1;
        for (int i = 0; i < 50; i++) {
            RtpPacket in = opus.nextPacket();
            RtpPacket out = parser.parse(toPcmu.translate(in, new RtpPacketWriter().write(in)));
            assertThat(out.payloadType()).isZero();
            assertThat(out.payload()).hasSize(160);
            assertThat(out.sequenceNumber()).isEqualTo(7 + i);
            if (firstTs < 0) {
                firstTs = out.timestamp();
            }
            assertThat(out.timestamp() - firstTs).isEqualTo(160L * i);
            audio = concat(audio, G711Codec.PCMU.decode(out.payload()));
        }
        short[] reference = Tone.sine(500, 8000, 8000, 0, audio.length);
        assertThat(Tone.rms(audio, 800, audio.length)).isGreaterThan(4000);
        assertThat(Tone.bestCorrelation(audio, reference, 800, audio.length, 80)).isGreaterThan(0.95);

        RelayDirection toOpus = new RelayDirection(PCMU, OPUS);
        OpusPayloadDecoder decoder = new OpusPayloadDecoder(8000);
        short[] back = new short[0];
        for (int i = 0; i < 50; i++) {
            byte[] wire = tone.bytes(i);
            RtpPacket out = parser.parse(toOpus.translate(parser.parse(wire), wire));
            assertThat(out.payloadType()).isEqualTo(111);
            assertThat(out.timestamp() - 5000).isEqualTo(960L * i);
            short[] pcm = new short[decoder.maxSamples(out.payload())];
            int n = decoder.decode(out.payload(), pcm);
            back = concat(back, java.util.Arrays.copyOf(pcm, n));
        }
        assertThat(Tone.rms(back, 800, back.length)).isGreaterThan(4000);
        assertThat(Tone.bestCorrelation(back, Tone.sine(440, 9000, 8000, 0, back.length), 800, back.length, 120))
                .isGreaterThan(0.9);
    }

    @Test
    void opusTelephoneEventsScaleTheirDuration() throws Exception {
        byte[] payload = {5, (byte) 0x8A, 0x0F, 0x00}; // digit 5, end, duration 3840 at 48 kHz
        RtpPacket in = RtpPacket.simple(false, 110, 9, 96_000, 3, payload);
        RtpPacket out = parser.parse(new RelayDirection(OPUS, PCMU).translate(in, new RtpPacketWriter().write(in)));
        assertThat(out.payloadType()).isEqualTo(101);
        assertThat(((out.payload()[2] & 0xFF) << 8) | (out.payload()[3] & 0xFF)).isEqualTo(640);
        assertThat(out.payload()[0]).isEqualTo((byte) 5);
    }

    @Test
    void untranscodableAudioIsCountedNotSent() throws Exception {
        RelayDirection toOpus = new RelayDirection(PCMU, OPUS);
        RtpPacket odd = RtpPacket.simple(false, 0, 1, 0, 1, new byte[240]); // 30 ms is no Opus frame size
        assertThat(toOpus.translate(odd, new RtpPacketWriter().write(odd))).isNull();
        assertThat(toOpus.untranslatable()).isEqualTo(1);
    }

    private static short[] concat(short[] a, short[] b) {
        short[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
