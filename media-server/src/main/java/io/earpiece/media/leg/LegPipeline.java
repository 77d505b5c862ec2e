package io.earpiece.media.leg;

import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.MediaLegSpec;
import io.earpiece.media.RtpStats;
import io.earpiece.media.dtmf.DtmfDetector;
import io.earpiece.media.dtmf.TelephoneEventParseException;
import io.earpiece.media.dtmf.TelephoneEventParser;
import io.earpiece.media.frame.FrameAssembler;
import io.earpiece.media.frame.MediaTimeline;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.jitter.JitterBuffer;
import io.earpiece.media.record.WavWriter;
import io.earpiece.media.resample.HalfBandUpsampler;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParseException;
import io.earpiece.media.rtp.RtpParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * One leg's receive path, free of I/O so it can be driven by a channel handler or a test: parse, source check,
 * payload-type check, jitter buffer, G.711 decode, timestamp gap fill, 8 to 16 kHz, 20 ms framing, recording and
 * DTMF. Every method must be called from the same thread (the leg's event loop).
 */
public final class LegPipeline {

    private static final Logger log = LoggerFactory.getLogger(LegPipeline.class);
    private static final int CLOCK_RATE = G711Codec.CLOCK_RATE;
    /** Timestamp jumps up to this long are filled with silence; longer ones are treated as a discontinuity. */
    private static final long MAX_GAP_SAMPLES = 30L * CLOCK_RATE;
    private static final int JITTER_CAPACITY = 500;
    private static final int WAV_HEADER_INTERVAL_SAMPLES = 2 * AudioFrame.SAMPLE_RATE;

    private final String legId;
    private final MediaLegListener listener;
    private final PacketCounters counters;
    private final LongSupplier nanoClock;
    private final RtpParser parser = new RtpParser();
    private final SourceFilter sources;
    private final PayloadTypeFilter payloadTypes;
    private final JitterBuffer jitter;
    private final ReceptionStats stats = new ReceptionStats(CLOCK_RATE);
    private final MediaTimeline timeline = new MediaTimeline(CLOCK_RATE, MAX_GAP_SAMPLES);
    private final HalfBandUpsampler upsampler = new HalfBandUpsampler();
    private final FrameAssembler framer;
    private final WavWriter recording;
    private final TelephoneEventParser eventParser = new TelephoneEventParser();
    private final DtmfDetector dtmf = new DtmfDetector();
    private final MediaTimeoutWatch timeout;
    private final JitterBuffer.Sink released = new Released();
    private short[] decoded = new short[160];
    private short[] upsampled = new short[2 * 160 + 2 * HalfBandUpsampler.HALF_TAPS];
    private final short[] silence = new short[160];
    private long ssrc = -1;
    private boolean closed;

    public LegPipeline(MediaLegSpec spec, MediaLegListener listener, MediaConfig config, PacketCounters counters,
                       LongSupplier nanoClock) throws IOException {
        requireG711(spec.payloadType());
        this.legId = spec.legId();
        this.listener = listener;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.sources = new SourceFilter(spec.remote());
        this.payloadTypes = new PayloadTypeFilter(spec.payloadType(), spec.telephoneEventPt());
        this.jitter = new JitterBuffer(config.jitterDelay().toNanos(), JITTER_CAPACITY);
        this.timeout = new MediaTimeoutWatch(config.mediaTimeout().toNanos(), nanoClock.getAsLong());
        this.recording = spec.recording() == null ? null
                : new WavWriter(spec.recording(), AudioFrame.SAMPLE_RATE, WAV_HEADER_INTERVAL_SAMPLES);
        this.framer = new FrameAssembler(legId, this::deliver);
    }

    /** Handles one datagram from {@code sender}; anything unusable is counted and dropped. */
    public void onDatagram(InetSocketAddress sender, byte[] data) {
        if (closed) {
            return;
        }
        long now = nanoClock.getAsLong();
        counters.countDatagram();
        RtpPacket packet;
        try {
            packet = parser.parse(data);
        } catch (RtpParseException e) {
            log.debug("leg {}: dropping datagram from {}: {}", legId, sender, e.getMessage());
            drop(DropReason.MALFORMED);
            return;
        }
        if (!sources.admits(sender)) {
            drop(DropReason.WRONG_SOURCE);
            return;
        }
        if (!payloadTypes.admits(packet.payloadType())) {
            drop(DropReason.WRONG_PAYLOAD_TYPE);
            return;
        }
        if (ssrc >= 0 && packet.ssrc() != ssrc) {
            startNewStream();
        }
        if (jitter.offer(packet, now) != JitterBuffer.Offer.ACCEPTED) {
            drop(DropReason.LATE_DUPLICATE);
            return;
        }
        ssrc = packet.ssrc();
        sources.accepted(sender);
        stats.onAccepted(packet, data.length, now, !payloadTypes.isTelephoneEvent(packet.payloadType()));
        timeout.onPacket(now);
        counters.countAccepted();
        jitter.drain(now, released);
    }

    /** Periodic work: releases packets whose hold expired and reports a media timeout. */
    public void tick() {
        if (closed) {
            return;
        }
        long now = nanoClock.getAsLong();
        jitter.drain(now, released);
        if (timeout.expired(now)) {
            try {
                listener.onMediaTimeout(legId);
            } catch (RuntimeException e) {
                log.warn("leg {}: media timeout listener failed", legId, e);
            }
        }
    }

    /** Nanoseconds until the jitter buffer next has something to release, or -1 when it holds nothing. */
    public long nanosUntilNextRelease() {
        long due = jitter.nextReleaseNanos();
        if (closed || due == Long.MAX_VALUE) {
            return -1;
        }
        return due == Long.MIN_VALUE ? 0 : Math.max(0, due - nanoClock.getAsLong());
    }

    /** A re-INVITE moved the peer or changed the codec. */
    public void updateRemote(InetSocketAddress remote, int payloadType) {
        requireG711(payloadType);
        sources.expect(remote);
        payloadTypes.audioPayloadType(payloadType);
    }

    public RtpStats stats() {
        return stats.snapshot(G711Codec.forPayloadType(payloadTypes.audioPayloadType()).name());
    }

    public String legId() {
        return legId;
    }

    /** Releases everything still buffered, emits the last partial frame and finishes the recording. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        jitter.flush(released);
        dtmf.flush(this::digit);
        int n = upsampler.flush(upsampled, 0);
        framer.append(upsampled, 0, n);
        framer.flush();
        if (recording != null) {
            try {
                recording.close();
            } catch (IOException e) {
                log.warn("leg {}: could not finish recording", legId, e);
            }
        }
    }

    private void startNewStream() {
        jitter.flush(released);
        jitter.reset();
        dtmf.flush(this::digit);
        stats.newStream();
        timeline.reanchor();
    }

    private void drop(DropReason reason) {
        counters.countDropped(reason);
        stats.onDropped();
    }

    private void onReleased(RtpPacket packet) {
        if (payloadTypes.isTelephoneEvent(packet.payloadType())) {
            try {
                dtmf.onEvent(eventParser.parse(packet.payload()), packet.timestamp(), this::digit);
            } catch (TelephoneEventParseException e) {
                log.debug("leg {}: bad telephone-event: {}", legId, e.getMessage());
            }
            return;
        }
        G711Codec codec = G711Codec.forPayloadType(packet.payloadType());
        if (codec == null) {
            return;
        }
        byte[] payload = packet.payload();
        MediaTimeline.Placement placement = timeline.place(packet.timestamp(), payload.length);
        for (long left = placement.silence(); left > 0; ) {
            int n = (int) Math.min(left, silence.length);
            emit(silence, n);
            left -= n;
        }
        int samples = payload.length - placement.skip();
        if (samples > 0) {
            if (decoded.length < samples) {
                decoded = new short[samples];
            }
            codec.decode(payload, placement.skip(), decoded, 0, samples);
            emit(decoded, samples);
        }
    }

    private void emit(short[] pcm8k, int length) {
        int room = 2 * length + 2 * HalfBandUpsampler.HALF_TAPS;
        if (upsampled.length < room) {
            upsampled = new short[room];
        }
        int n = upsampler.process(pcm8k, 0, length, upsampled, 0);
        framer.append(upsampled, 0, n);
    }

    private void deliver(AudioFrame frame) {
        if (recording != null) {
            try {
                recording.write(frame.samples(), 0, frame.samples().length);
            } catch (UncheckedIOException e) {
                log.warn("leg {}: recording write failed", legId, e);
            }
        }
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            log.warn("leg {}: frame listener failed", legId, e);
        }
    }

    private void digit(char digit, long eventTimestamp) {
        try {
            listener.onDtmf(legId, digit, timeline.mediaTimeMs(eventTimestamp));
        } catch (RuntimeException e) {
            log.warn("leg {}: DTMF listener failed", legId, e);
        }
    }

    private static void requireG711(int payloadType) {
        if (G711Codec.forPayloadType(payloadType) == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711 (0 PCMU, 8 PCMA)");
        }
    }

    private final class Released implements JitterBuffer.Sink {
        @Override
        public void onPacket(RtpPacket packet) {
            onReleased(packet);
        }

        @Override
        public void onLost(int firstSeq, long count) {
            log.trace("leg {}: {} packets lost from seq {}", legId, count, firstSeq);
        }
    }
}
