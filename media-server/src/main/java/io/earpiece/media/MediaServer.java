package io.earpiece.media;

import io.earpiece.media.leg.DropReason;
import io.earpiece.media.leg.LegPipeline;
import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.leg.RtpIngressHandler;
import io.earpiece.media.relay.RelayIngressHandler;
import io.earpiece.media.relay.TapFeed;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The RTP endpoint: opens one UDP socket per call leg from the configured port pool and runs each leg's receive
 * pipeline on a shared Netty event loop group (threads named {@value #THREAD_PREFIX}-*). It also relays calls
 * between two legs ({@link #openRelay}), tapping each direction on separate threads ({@value #TAP_THREAD_PREFIX}-*).
 * Thread-safe.
 */
public final class MediaServer implements AutoCloseable {

    /** Prefix of the media threads' names, so their CPU time can be attributed. */
    public static final String THREAD_PREFIX = "earpiece-rtp";
    /** Prefix of the relay tap threads' names (decode, frames and listener calls of relayed calls). */
    public static final String TAP_THREAD_PREFIX = "earpiece-tap";
    /** A relay tap may fall this many packets (two seconds of 20 ms audio) behind before it skips packets. */
    private static final int TAP_BACKLOG = 100;
    private static final Logger log = LoggerFactory.getLogger(MediaServer.class);
    /** Media-timeout resolution; the jitter buffer has its own precise timer. */
    private static final Duration TICK = Duration.ofMillis(50);
    private static final int SOCKET_RECEIVE_BUFFER = 256 * 1024;
    // Larger than any RTP packet on an Ethernet path, so a datagram is never silently truncated into "valid" RTP.
    private static final int MAX_DATAGRAM = 2048;

    private final MediaConfig config;
    private final PortPool ports;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final PacketCounters counters = new PacketCounters();
    private final Set<NettyMediaLeg> legs = ConcurrentHashMap.newKeySet();
    private final Set<NettyMediaRelay> relays = ConcurrentHashMap.newKeySet();
    private final EventLoopGroup tapGroup;
    private final DatagramTransport transport;
    private volatile boolean closed;

    public MediaServer(MediaConfig config) {
        this(config, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public MediaServer(MediaConfig config, int ioThreads) {
        this(config, ioThreads, DatagramTransport.best());
    }

    MediaServer(MediaConfig config, int ioThreads, DatagramTransport transport) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(config.bindHost(), "bindHost");
        Objects.requireNonNull(config.mediaTimeout(), "mediaTimeout");
        Objects.requireNonNull(config.jitterDelay(), "jitterDelay");
        this.ports = new PortPool(config.portMin(), config.portMax());
        this.transport = transport;
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(THREAD_PREFIX, true),
                transport.ioHandlerFactory());
        // Threads start only when a relay first uses them, so a server without relays costs nothing here.
        this.tapGroup = new DefaultEventLoopGroup(ioThreads, new DefaultThreadFactory(TAP_THREAD_PREFIX, true));
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
    }

    /**
     * Binds a free even port of the pool on {@code bindHost} and starts receiving for the leg. Must not be called
     * from a media thread (it waits for the bind).
     *
     * @throws PortsExhaustedException   when no port of the pool is free or bindable
     * @throws IllegalArgumentException  when the payload type is not G.711
     * @throws UncheckedIOException      when the recording file cannot be created
     */
    public MediaLeg open(MediaLegSpec spec, MediaLegListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("media server closed");
        }
        LegPipeline pipeline;
        try {
            pipeline = new LegPipeline(spec, listener, config, counters, System::nanoTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create recording " + spec.recording(), e);
        }
        Bound bound;
        try {
            // A handler is not shareable, so each bind attempt gets its own.
            bound = bind(group, () -> new RtpIngressHandler(pipeline, TICK));
        } catch (PortsExhaustedException e) {
            pipeline.close();
            throw e;
        }
        int port = bound.port();
        NettyMediaLeg leg = new NettyMediaLeg(spec.legId(), port, bound.channel(), pipeline,
                closedLeg -> legClosed(closedLeg, port));
        legs.add(leg);
        return leg;
    }

    /**
     * Anchors a call's media: binds two free even ports of the pool (advertise {@link MediaRelay#aLocalPort()} to
     * side A's phone and {@link MediaRelay#bLocalPort()} to side B's), forwards RTP between the phones, transcoding
     * when their codecs differ, and taps each direction into its own decode pipeline, reported to {@code aTap} and
     * {@code bTap} with the side's leg id. Must not be called from a media thread (it waits for the binds).
     *
     * @throws PortsExhaustedException when fewer than two ports of the pool are free or bindable
     * @throws UncheckedIOException    when a recording file cannot be created
     */
    public MediaRelay openRelay(RelaySpec spec, MediaLegListener aTap, MediaLegListener bTap) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(aTap, "aTap");
        Objects.requireNonNull(bTap, "bTap");
        if (closed) {
            throw new IllegalStateException("media server closed");
        }
        // The relay watches media timeouts itself, on the forwarding path; the taps only decode.
        MediaConfig tapConfig = new MediaConfig(config.bindHost(), config.portMin(), config.portMax(), Duration.ZERO,
                config.jitterDelay());
        TapFeed aFeed = tap(spec.a(), aTap, tapConfig, null);
        TapFeed bFeed = tap(spec.b(), bTap, tapConfig, aFeed);
        EventLoop loop = group.next();
        NettyMediaRelay relay = new NettyMediaRelay(spec, loop, aFeed, bFeed, config.mediaTimeout(), TICK, counters,
                this::relayClosed);
        try {
            for (MediaRelay.Side side : MediaRelay.Side.values()) {
                Bound bound = bind(loop, () -> new RelayIngressHandler(side, relay.core()));
                // However the socket closes (relay closed, I/O error), its port goes back to the pool once.
                bound.channel().closeFuture().addListener(f -> ports.release(bound.port()));
                relay.attach(side, bound.port(), bound.channel());
            }
        } catch (PortsExhaustedException e) {
            relay.close();
            throw e;
        }
        relays.add(relay);
        relay.start();
        return relay;
    }

    private TapFeed tap(RelayLegSpec side, MediaLegListener listener, MediaConfig tapConfig, TapFeed other) {
        LegPipeline pipeline;
        try {
            pipeline = new LegPipeline(side.legId(), null, side.codec(), side.payloadType(), side.telephoneEventPt(),
                    side.recording(), listener, tapConfig, new PacketCounters(), System::nanoTime);
        } catch (IOException e) {
            if (other != null) {
                other.close();
            }
            throw new UncheckedIOException("cannot create recording " + side.recording(), e);
        }
        return new TapFeed(side.legId(), pipeline, listener, tapGroup.next(), TAP_BACKLOG, TICK);
    }

    /** A channel bound to a port of the pool. */
    private record Bound(int port, Channel channel) {
    }

    /** Binds the next bindable port of the pool with {@code handler} on {@code loops}. */
    private Bound bind(EventLoopGroup loops, Supplier<? extends ChannelHandler> handlers) {
        for (int attempt = 0; attempt < ports.capacity(); attempt++) {
            int port = ports.acquire();
            ChannelFuture bind = bootstrap.clone(loops)
                    .handler(handlers.get())
                    .bind(new InetSocketAddress(config.bindHost(), port))
                    .awaitUninterruptibly();
            if (bind.isSuccess()) {
                return new Bound(port, bind.channel());
            }
            log.warn("RTP port {} on {} not bindable, trying the next: {}", port, config.bindHost(),
                    bind.cause().toString());
            ports.release(port);
        }
        throw new PortsExhaustedException("no port of " + config.portMin() + "-" + config.portMax()
                + " could be bound on " + config.bindHost());
    }

    /**
     * Counts a recording written outside the media path that failed (an upload's, when the disk is full) with the
     * legs' recording failures: one metric and one health signal for every recording that could not be stored.
     */
    public void countRecordingFailure() {
        counters.countRecordingFailure();
    }

    public MediaCounters counters() {
        return new MediaCounters(counters.datagrams(), counters.accepted(), counters.dropped(DropReason.MALFORMED),
                counters.dropped(DropReason.WRONG_SOURCE), counters.dropped(DropReason.WRONG_PAYLOAD_TYPE),
                counters.dropped(DropReason.LATE_DUPLICATE), counters.dropped(DropReason.SRTP_AUTH_FAILED),
                counters.dropped(DropReason.SRTP_REPLAYED), legs.size(),
                counters.recordingFailures(), counters.lastRecordingFailureMillis());
    }

    public int openLegs() {
        return legs.size();
    }

    /** Ports of the pool not held by a leg. */
    public int freePorts() {
        return ports.available();
    }

    /** The socket transport in use: "epoll" or "nio". */
    public String transportName() {
        return transport.name();
    }

    /** Closes every open leg and relay (flushing their audio and recordings) and stops the media threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (NettyMediaLeg leg : legs) {
            leg.close();
        }
        for (NettyMediaRelay relay : relays) {
            relay.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        tapGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Relays open right now. */
    public int openRelays() {
        return relays.size();
    }

    private void relayClosed(NettyMediaRelay relay) {
        relays.remove(relay);
    }

    private void legClosed(NettyMediaLeg leg, int port) {
        legs.remove(leg);
        ports.release(port);
    }
}
