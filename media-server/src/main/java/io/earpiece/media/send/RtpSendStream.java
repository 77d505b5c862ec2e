package io.earpiece.media.send;

import io.earpiece.media.dtmf.DtmfTones;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpPacketWriter;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * What a silent participant sends, one RTP packet per 20 ms tick: G.711 silence, or the DTMF keys queued with
 * {@link #dial}, as RFC 4733 telephone-events when the peer negotiated them and as in-band tones otherwise. Sending
 * silence rather than nothing keeps NAT bindings and bridges that drop quiet participants happy, and gives the
 * events a running clock. {@link #next()} runs on one sending thread; {@link #dial} may be called from any thread.
 */
public final class RtpSendStream {

    /** Samples per 20 ms packet at 8 kHz. */
    public static final int SAMPLES_PER_TICK = 160;
    /** RFC 4733 2.5.1.4: the end of an event is sent three times. */
    private static final int END_REPEATS = 3;
    /** -10 dBm0, a common sending level for telephone-events. */
    private static final int EVENT_VOLUME = 10;

    private final G711Codec codec;
    private final int telephoneEventPt;
    private final long ssrc;
    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final byte[] silence;
    private final Queue<Job> jobs = new ConcurrentLinkedQueue<>();

    private int sequence;
    private long timestamp;
    private boolean first = true;
    // The key being sent: its ticks so far, and the timestamp its event started at.
    private Job job;
    private int keyIndex;
    private int tick;
    private long eventTimestamp;

    /** Keys to send with their tone and gap lengths, completed once the last one has gone out. */
    private record Job(String keys, int toneTicks, int gapTicks, CompletableFuture<Void> done) {
    }

    /**
     * @param payloadType      the negotiated G.711 payload type (0 PCMU, 8 PCMA)
     * @param telephoneEventPt the peer's RFC 4733 payload type, or -1 to send keys as in-band tones
     */
    public RtpSendStream(int payloadType, int telephoneEventPt, Random random) {
        this.codec = G711Codec.forPayloadType(payloadType);
        if (codec == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711");
        }
        this.telephoneEventPt = telephoneEventPt;
        this.ssrc = random.nextInt() & 0xFFFF_FFFFL;
        this.sequence = random.nextInt(0x10000);
        this.timestamp = random.nextInt() & 0xFFFF_FFFFL;
        this.silence = codec.encode(new short[SAMPLES_PER_TICK], 0, SAMPLES_PER_TICK);
    }

    /** Whether keys go as RFC 4733 events (else as in-band tones). */
    public boolean telephoneEvents() {
        return telephoneEventPt >= 0;
    }

    /**
     * Queues DTMF keys (0-9, *, #, A-D); each sounds for {@code tone} then {@code gap} of silence follows, both
     * rounded up to whole 20 ms packets. The future completes when the last key's end has been sent.
     *
     * @throws IllegalArgumentException for a key that is not DTMF or a tone under 40 ms
     */
    public CompletableFuture<Void> dial(String keys, Duration tone, Duration gap) {
        for (char c : keys.toCharArray()) {
            if (!DtmfTones.isKey(c)) {
                throw new IllegalArgumentException("not a DTMF key: '" + c + "'");
            }
        }
        int toneTicks = ticks(tone);
        if (toneTicks < 2) {
            throw new IllegalArgumentException("a DTMF tone lasts 40 ms at least (Q.24), not " + tone.toMillis() + " ms");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        jobs.add(new Job(keys, toneTicks, ticks(gap), done));
        return done;
    }

    private static int ticks(Duration d) {
        return (int) ((d.toMillis() + 19) / 20);
    }

    /** The next packet to send, due 20 ms after the previous one. */
    public byte[] next() {
        if (job == null && !jobs.isEmpty()) {
            job = jobs.poll();
            keyIndex = 0;
            tick = 0;
        }
        if (job == null) {
            return audio(silence);
        }
        if (job.keys().isEmpty()) {
            return finishJob(audio(silence));
        }
        char key = job.keys().charAt(keyIndex);
        // events: the tone's packets, then its end twice more (three ends in all); tones: just the tone
        int soundTicks = telephoneEvents() ? job.toneTicks() + END_REPEATS - 1 : job.toneTicks();
        byte[] out = tick < soundTicks ? (telephoneEvents() ? event(key) : audio(tone(key))) : audio(silence);
        tick++;
        if (tick >= soundTicks + job.gapTicks()) {
            keyIndex++;
            tick = 0;
            if (keyIndex >= job.keys().length()) {
                return finishJob(out);
            }
        }
        return out;
    }

    private byte[] finishJob(byte[] out) {
        Job finished = job;
        job = null;
        finished.done().complete(null);
        return out;
    }

    private byte[] tone(char key) {
        short[] s = DtmfTones.samples(key, tick * SAMPLES_PER_TICK, SAMPLES_PER_TICK);
        return codec.encode(s, 0, s.length);
    }

    /**
     * One telephone-event packet of the key's event: the first has the marker, each reports the duration so far,
     * from the tone's last tick on they carry the E bit (three in all). Audio timestamps move on past the event.
     */
    private byte[] event(char key) {
        if (tick == 0) {
            eventTimestamp = timestamp;
        }
        boolean end = tick >= job.toneTicks() - 1;
        int duration = Math.min(tick + 1, job.toneTicks()) * SAMPLES_PER_TICK;
        byte[] payload = {(byte) DtmfTones.eventCode(key), (byte) ((end ? 0x80 : 0) | EVENT_VOLUME),
                (byte) (duration >>> 8), (byte) duration};
        byte[] out = writer.write(RtpPacket.simple(tick == 0, telephoneEventPt, sequence++, eventTimestamp, ssrc,
                payload));
        timestamp += SAMPLES_PER_TICK;
        return out;
    }

    private byte[] audio(byte[] payload) {
        byte[] out = writer.write(RtpPacket.simple(first, codec.payloadType(), sequence++, timestamp, ssrc, payload));
        first = false;
        timestamp += SAMPLES_PER_TICK;
        return out;
    }
}
