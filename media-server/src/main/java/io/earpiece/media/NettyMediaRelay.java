package io.earpiece.media;

import io.earpiece.media.leg.PacketCounters;
import io.earpiece.media.relay.PacketOut;
import io.earpiece.media.relay.RelayCore;
import io.earpiece.media.relay.RtpFormat;
import io.earpiece.media.relay.TapFeed;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A relay on two Netty datagram channels registered with the same event loop, so forwarding from one socket and
 * writing to the other never crosses threads; the taps run on tap executors.
 */
final class NettyMediaRelay implements MediaRelay, PacketOut {

    private static final long TAP_CLOSE_WAIT_SECONDS = 5;

    private final EventLoop loop;
    private final RelayCore core;
    private final TapFeed aTap;
    private final TapFeed bTap;
    private final Duration tick;
    private final Consumer<NettyMediaRelay> onClosed;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Channel aChannel;
    private volatile Channel bChannel;
    private int aPort;
    private int bPort;
    private ScheduledFuture<?> ticker;

    NettyMediaRelay(RelaySpec spec, EventLoop loop, TapFeed aTap, TapFeed bTap, Duration mediaTimeout, Duration tick,
                    PacketCounters counters, Consumer<NettyMediaRelay> onClosed) {
        this.loop = loop;
        this.aTap = aTap;
        this.bTap = bTap;
        this.tick = tick;
        this.onClosed = onClosed;
        this.core = new RelayCore(spec.a(), spec.b(), aTap, bTap, mediaTimeout.toNanos(), this, counters,
                System.nanoTime());
    }

    RelayCore core() {
        return core;
    }

    void attach(Side side, int port, Channel channel) {
        if (side == Side.A) {
            aPort = port;
            aChannel = channel;
        } else {
            bPort = port;
            bChannel = channel;
        }
    }

    void start() {
        aTap.start();
        bTap.start();
        long nanos = tick.toNanos();
        ticker = loop.scheduleAtFixedRate(() -> core.tick(System.nanoTime()), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void send(Side fromSocketOf, InetSocketAddress target, byte[] datagram) {
        Channel channel = fromSocketOf == Side.A ? aChannel : bChannel;
        if (channel != null) {
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), target), channel.voidPromise());
        }
    }

    @Override
    public int aLocalPort() {
        return aPort;
    }

    @Override
    public int bLocalPort() {
        return bPort;
    }

    @Override
    public void updateRemote(Side side, InetSocketAddress remote, int payloadType) {
        onLoop(() -> {
            RtpFormat current = core.format(side);
            AudioCodec codec = AudioCodec.forStaticPayloadType(payloadType);
            if (codec == null) {
                if (payloadType != current.payloadType()) {
                    throw new IllegalArgumentException("payload type " + payloadType
                            + " is neither G.711 nor side " + side + "'s current " + current.payloadType());
                }
                codec = current.codec();
            }
            core.update(side, remote, new RtpFormat(codec, payloadType, current.telephoneEventPt()));
            return null;
        });
    }

    @Override
    public void updateRemote(Side side, InetSocketAddress remote, AudioCodec codec, int payloadType,
                             int telephoneEventPt) {
        // Validates exactly as a new side would be.
        new RelayLegSpec("check", remote, true, codec, payloadType, telephoneEventPt, null);
        onLoop(() -> {
            core.update(side, remote, new RtpFormat(codec, payloadType, telephoneEventPt));
            return null;
        });
    }

    @Override
    public void format(Side side, AudioCodec codec, int payloadType, int telephoneEventPt) {
        Objects.requireNonNull(side, "side");
        // Validates exactly as a new side would be.
        new RelayLegSpec("check", null, true, codec, payloadType, telephoneEventPt, null);
        onLoop(() -> {
            core.format(side, new RtpFormat(codec, payloadType, telephoneEventPt));
            return null;
        });
    }

    @Override
    public void hold(Side side, boolean onHold) {
        Objects.requireNonNull(side, "side");
        onLoop(() -> {
            core.hold(side, onHold, System.nanoTime());
            return null;
        });
    }

    @Override
    public void srtp(Side side, io.earpiece.media.srtp.SrtpKeys keys) {
        Objects.requireNonNull(side, "side");
        onLoop(() -> {
            core.srtp(side, keys);
            return null;
        });
    }

    @Override
    public RelayStats stats(Side side) {
        return core.stats(side);
    }

    /** Frees both ports at once; waits (a bounded time) for the taps to flush so recordings are complete. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.cancel(false);
        }
        closeChannel(aChannel);
        closeChannel(bChannel);
        if (!loop.inEventLoop()) {
            // As for a leg: NIO frees a socket only at the selector's next select.
            loop.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
        Future<?> a = aTap.close();
        Future<?> b = bTap.close();
        if (!loop.inEventLoop()) {
            a.awaitUninterruptibly(TAP_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            b.awaitUninterruptibly(TAP_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
        onClosed.accept(this);
    }

    int port(Side side) {
        return side == Side.A ? aPort : bPort;
    }

    private void closeChannel(Channel channel) {
        if (channel == null) {
            return;
        }
        if (loop.inEventLoop()) {
            channel.close();
        } else {
            channel.close().syncUninterruptibly();
        }
    }

    private void onLoop(Callable<Void> task) {
        if (loop.inEventLoop()) {
            try {
                task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Future<Void> done = loop.submit(task).awaitUninterruptibly();
        if (!done.isSuccess()) {
            Throwable cause = done.cause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
