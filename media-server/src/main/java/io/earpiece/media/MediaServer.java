package io.earpiece.media;

import io.earpiece.media.leg.DropReason;
import io.earpiece.media.leg.LegPipeline;
import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.leg.RtpIngressHandler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The RTP endpoint: opens one UDP socket per call leg from the configured port pool and runs each leg's receive
 * pipeline on a shared Netty event loop group (threads named {@value #THREAD_PREFIX}-*). Thread-safe.
 */
public final class MediaServer implements AutoCloseable {

    /** Prefix of the media threads' names, so their CPU time can be attributed. */
    public static final String THREAD_PREFIX = "earpiece-rtp";
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
        try {
            for (int attempt = 0; attempt < ports.capacity(); attempt++) {
                int port = ports.acquire();
                ChannelFuture bind = bootstrap.clone()
                        .handler(new RtpIngressHandler(pipeline, TICK))
                        .bind(new InetSocketAddress(config.bindHost(), port))
                        .awaitUninterruptibly();
                if (bind.isSuccess()) {
                    NettyMediaLeg leg = new NettyMediaLeg(spec.legId(), port, bind.channel(), pipeline,
                            closedLeg -> legClosed(closedLeg, port));
                    legs.add(leg);
                    return leg;
                }
                log.warn("RTP port {} on {} not bindable, trying the next: {}", port, config.bindHost(),
                        bind.cause().toString());
                ports.release(port);
            }
        } catch (PortsExhaustedException e) {
            pipeline.close();
            throw e;
        }
        pipeline.close();
        throw new PortsExhaustedException("no port of " + config.portMin() + "-" + config.portMax()
                + " could be bound on " + config.bindHost());
    }

    public MediaCounters counters() {
        return new MediaCounters(counters.datagrams(), counters.accepted(), counters.dropped(DropReason.MALFORMED),
                counters.dropped(DropReason.WRONG_SOURCE), counters.dropped(DropReason.WRONG_PAYLOAD_TYPE),
                counters.dropped(DropReason.LATE_DUPLICATE), legs.size());
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

    /** Closes every open leg (flushing their audio and recordings) and stops the media threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (NettyMediaLeg leg : legs) {
            leg.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void legClosed(NettyMediaLeg leg, int port) {
        legs.remove(leg);
        ports.release(port);
    }
}
