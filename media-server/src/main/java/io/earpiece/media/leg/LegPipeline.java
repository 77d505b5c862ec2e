package io.earpiece.media.leg;

import io.earpiece.media.AudioCodec;
import io.earpiece.media.AudioFrame;
import io.earpiece.media.MediaConfig;
import io.earpiece.media.MediaLegListener;
import io.earpiece.media.MediaLegSpec;
import io.earpiece.media.RtpStats;
import io.earpiece.media.codec.CodecException;
import io.earpiece.media.codec.Codecs;
import io.earpiece.media.codec.PayloadDecoder;
import io.earpiece.media.dtmf.DtmfDetector;
import io.earpiece.media.dtmf.TelephoneEventParseException;
import io.earpiece.media.dtmf.TelephoneEventParser;
import io.earpiece.media.frame.FrameAssembler;
import io.earpiece.media.frame.MediaTimeline;
import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.jitter.JitterBuffer;
import io.earpiece.media.record.RecordingFailedException;
import io.earpiece.media.record.WavWriter;
import io.earpiece.media.resample.HalfBandUpsampler;
import io.earpiece.media.rtp.RtpPacket;
import io.earpiece.media.rtp.RtpParseException;
import io.earpiece.media.rtp.RtpParser;
import io.earpiece.media.srtp.SrtpContext;
import io.earpiece.media.srtp.SrtpException;
import io.earpiece.media.srtp.SrtpKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * One leg's receive path, free of I/O so it can be driven by a channel handler or a test: SRTP decryption (before
 * anything else reads the packet, so the jitter buffer only ever holds authenticated RTP), parse, source check,
 * payload-type check, jitter buffer, decode (G.711, or Opus for relay taps), timestamp gap fill, 16 kHz, 20 ms
 * framing, recording and DTMF. Every method must be called from the same thread (the leg's event loop).
 */
public final class LegPipeline {

    private static final Logger log = LoggerFactory.getLogger(LegPipeline.class);
    /** Timestamp jumps up to this many seconds are filled with silence; longer ones are a discontinuity. */
    private static final long MAX_GAP_SECONDS = 30;
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
    private final ReceptionStats stats;
    private MediaTimeline timeline;
    private volatile AudioCodec codec;
    private PayloadDecoder decoder;
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
    private SrtpKey srtpKey;
    private SrtpContext srtp;

    public LegPipeline(MediaLegSpec spec, MediaLegListener listener, MediaConfig config, PacketCounters counters,
                       LongSupplier nanoClock) throws IOException {
        this(spec.legId(), spec.remote(), g711(spec.payloadType()), spec.payloadType(), spec.telephoneEventPt(),
                spec.recording(), listener, config, counters, nanoClock);
        useSrtp(spec.srtp());
    }

    /**
     * A pipeline for any {@link AudioCodec}; relay taps use it with a latching remote and the media timeout off
     * (a zero {@code config.mediaTimeout()}), because the relay watches timeouts itself.
     */
    public LegPipeline(String legId, InetSocketAddress remote, AudioCodec codec, int payloadType, int telephoneEventPt,
                       Path recordingPath, MediaLegListener listener, MediaConfig config, PacketCounters counters,
                       LongSupplier nanoClock) throws IOException {
        requireCodec(codec, payloadType);
        this.legId = legId;
        this.listener = listener;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.sources = new SourceFilter(remote);
        this.payloadTypes = new PayloadTypeFilter(payloadType, telephoneEventPt);
        this.jitter = new JitterBuffer(config.jitterDelay().toNanos(), JITTER_CAPACITY);
        this.timeout = new MediaTimeoutWatch(config.mediaTimeout().toNanos(), nanoClock.getAsLong());
        this.stats = new ReceptionStats(codec.clockRate());
        useCodec(codec);
        this.recording = recordingPath == null ? null : openRecording(recordingPath);
        this.framer = new FrameAssembler(legId, this::deliver);
    }

    /**
     * The leg's recording, or null when it cannot be created (the disk is full): the call is answered and
     * transcribed all the same, and the failure is counted and logged once.
     */
    private WavWriter openRecording(Path path) {
        try {
            return new WavWriter(path, AudioFrame.SAMPLE_RATE, WAV_HEADER_INTERVAL_SAMPLES);
        } catch (IOException | RuntimeException e) {
            counters.countRecordingFailure();
            log.error("leg {}: cannot record to {} ({}); the call goes on unrecorded", legId, path, e.toString());
            return null;
        }
    }

    /** Handles one datagram from {@code sender}; anything unusable is counted and dropped. */
    public void onDatagram(InetSocketAddress sender, byte[] data) {
        onDatagram(sender, data, nanoClock.getAsLong());
    }

    /**
     * Handles one datagram that arrived at {@code arrivalNanos} (same clock as the pipeline's), for callers that
     * hand datagrams over from another thread: jitter statistics and hold times are measured from the arrival.
     */
    public void onDatagram(InetSocketAddress sender, byte[] data, long arrivalNanos) {
        if (closed) {
            return;
        }
        long now = arrivalNanos;
        counters.countDatagram();
        if (srtp != null) {
            try {
                data = srtp.unprotect(data);
            } catch (SrtpException e) {
                log.debug("leg {}: dropping SRTP datagram from {}: {}", legId, sender, e.getMessage());
                drop(DropReason.of(e.reason()));
                return;
            }
        }
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
        jitter.drain(nanoClock.getAsLong(), released);
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
        updateRemote(remote, g711(payloadType), payloadType);
    }

    /**
     * A re-INVITE moved the peer or changed the codec to any {@link AudioCodec}. Packets of the old codec still held
     * are released first, so each is decoded by the codec it was sent in.
     */
    public void updateRemote(InetSocketAddress remote, AudioCodec newCodec, int payloadType) {
        updateRemote(remote, newCodec, payloadType, payloadTypes.telephoneEventPayloadType());
    }

    /**
     * As {@link #updateRemote(InetSocketAddress, AudioCodec, int)}, with the telephone-event payload type the peer
     * uses from now on (-1: none); events already taken are read with the type they came with.
     */
    public void updateRemote(InetSocketAddress remote, AudioCodec newCodec, int payloadType, int telephoneEventPt) {
        requireCodec(newCodec, payloadType);
        sources.expect(remote);
        if (newCodec != codec && !closed) {
            jitter.flush(released);
            if (newCodec.clockRate() != codec.clockRate() || decoder.sampleRate() != decoderRate(newCodec)) {
                int n = upsampler.flush(upsampled, 0);
                framer.append(upsampled, 0, n);
            }
            useCodec(newCodec);
        }
        if (telephoneEventPt != payloadTypes.telephoneEventPayloadType() && !closed) {
            jitter.flush(released);
        }
        payloadTypes.audioPayloadType(payloadType);
        payloadTypes.telephoneEventPayloadType(telephoneEventPt);
    }

    /**
     * Switches SRTP on, off or to a new key (a re-INVITE re-keyed the leg); the same key keeps the rollover counters
     * and replay windows. Null means clear RTP.
     */
    public void useSrtp(SrtpKey key) {
        if (key == null) {
            srtp = null;
        } else if (!key.equals(srtpKey)) {
            srtp = new SrtpContext(key);
        }
        srtpKey = key;
    }

    /** Whether the leg expects SRTP now. */
    public boolean encrypted() {
        return srtp != null;
    }

    public RtpStats stats() {
        return stats.snapshot(codec.name());
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
        if (packet.payloadType() != payloadTypes.audioPayloadType()) {
            return;
        }
        byte[] payload = packet.payload();
        int room = decoder.maxSamples(payload);
        if (decoded.length < room) {
            decoded = new short[room];
        }
        int samples;
        try {
            samples = decoder.decode(payload, decoded);
        } catch (CodecException e) {
            // Nothing is placed, so the next packet's timestamp turns this one's time into silence.
            log.debug("leg {}: {}", legId, e.getMessage());
            return;
        }
        // RTP clock units per decoded sample: 1 for G.711, 3 for Opus (48 kHz clock) decoded at 16 kHz.
        int ratio = codec.clockRate() / decoder.sampleRate();
        MediaTimeline.Placement placement = timeline.place(packet.timestamp(), samples * ratio);
        for (long left = placement.silence() / ratio; left > 0; ) {
            int n = (int) Math.min(left, silence.length);
            emit(silence, 0, n);
            left -= n;
        }
        int skip = placement.skip() / ratio;
        if (samples > skip) {
            emit(decoded, skip, samples - skip);
        }
    }

    /** Takes decoder-rate audio to the 16 kHz frames: G.711's 8 kHz is upsampled, Opus is decoded at 16 kHz. */
    private void emit(short[] pcm, int offset, int length) {
        if (decoder.sampleRate() == AudioFrame.SAMPLE_RATE) {
            framer.append(pcm, offset, length);
            return;
        }
        int room = 2 * length + 2 * HalfBandUpsampler.HALF_TAPS;
        if (upsampled.length < room) {
            upsampled = new short[room];
        }
        int n = upsampler.process(pcm, offset, length, upsampled, 0);
        framer.append(upsampled, 0, n);
    }

    private void useCodec(AudioCodec newCodec) {
        if (codec == null || newCodec.clockRate() != codec.clockRate()) {
            timeline = new MediaTimeline(newCodec.clockRate(), MAX_GAP_SECONDS * newCodec.clockRate());
        }
        codec = newCodec;
        decoder = Codecs.decoder(newCodec, decoderRate(newCodec));
    }

    private static int decoderRate(AudioCodec codec) {
        return codec == AudioCodec.OPUS ? AudioFrame.SAMPLE_RATE : G711Codec.CLOCK_RATE;
    }

    private void deliver(AudioFrame frame) {
        if (recording != null) {
            try {
                recording.write(frame.samples(), 0, frame.samples().length);
            } catch (RecordingFailedException e) {
                // Thrown once per leg; the writer drops later frames, so this is logged once, not every 20 ms.
                counters.countRecordingFailure();
                log.error("leg {}: {}; the rest of the call is not recorded, transcription goes on", legId,
                        e.getMessage());
            }
        }
        try {
            listener.onFrame(frame);
        } catch (RuntimeException e) {
            log.warn("leg {}: frame listener failed", legId, e);
        }
    }

    private void digit(char digit, long eventTimestamp, int duration) {
        try {
            // Telephone events share the audio's RTP clock (RFC 4733 2.3.1).
            listener.onDtmf(legId, digit, timeline.mediaTimeMs(eventTimestamp),
                    (int) (duration * 1000L / codec.clockRate()));
        } catch (RuntimeException e) {
            log.warn("leg {}: DTMF listener failed", legId, e);
        }
    }

    private static AudioCodec g711(int payloadType) {
        AudioCodec codec = AudioCodec.forStaticPayloadType(payloadType);
        if (codec == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711 (0 PCMU, 8 PCMA)");
        }
        return codec;
    }

    private static void requireCodec(AudioCodec codec, int payloadType) {
        if (codec == null || !codec.accepts(payloadType)) {
            throw new IllegalArgumentException("payload type " + payloadType + " cannot carry " + codec);
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
