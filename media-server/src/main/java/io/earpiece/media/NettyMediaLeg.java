package io.earpiece.media;

import io.earpiece.media.g711.G711Codec;
import io.earpiece.media.leg.LegPipeline;
import io.netty.channel.Channel;
import io.earpiece.media.send.RtpSendStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A leg bound to one Netty datagram channel; all pipeline work runs on that channel's event loop. */
final class NettyMediaLeg implements MediaLeg {

    private final String legId;
    private final int port;
    private final Channel channel;
    private final LegPipeline pipeline;
    private final Consumer<NettyMediaLeg> onClosed;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ScheduledFuture<?> sending;

    NettyMediaLeg(String legId, int port, Channel channel, LegPipeline pipeline, Consumer<NettyMediaLeg> onClosed) {
        this.legId = legId;
        this.port = port;
        this.channel = channel;
        this.pipeline = pipeline;
        this.onClosed = onClosed;
        // A channel can also close on its own (I/O error); the port must come back either way.
        channel.closeFuture().addListener(f -> finish());
    }

    @Override
    public String legId() {
        return legId;
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public RtpStats stats() {
        return pipeline.stats();
    }

    @Override
    public void updateRemote(InetSocketAddress remote, int payloadType) {
        if (G711Codec.forPayloadType(payloadType) == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711");
        }
        channel.eventLoop().execute(() -> pipeline.updateRemote(remote, payloadType));
    }

    @Override
    public void updateRemote(InetSocketAddress remote, int payloadType, io.earpiece.media.srtp.SrtpKey srtp) {
        if (G711Codec.forPayloadType(payloadType) == null) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not G.711");
        }
        channel.eventLoop().execute(() -> {
            pipeline.useSrtp(srtp);
            pipeline.updateRemote(remote, payloadType);
        });
    }

    @Override
    public void transmit(RtpSendStream stream, InetSocketAddress to) {
        ScheduledFuture<?> previous = sending;
        if (previous != null) {
            previous.cancel(false);
        }
        // On the leg's own loop, so sending never races the pipeline's use of the channel.
        sending = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(stream.next()), to));
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Flushes the pipeline and closes the socket; from a foreign thread it returns once the port is free. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> s = sending;
        if (s != null) {
            s.cancel(false);
        }
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            pipeline.close();
            channel.close();
            return;
        }
        loop.submit(pipeline::close).syncUninterruptibly();
        channel.close().syncUninterruptibly();
        // NIO frees a socket registered with a selector only at the selector's next select, so the port may still
        // be bound now; a task due after the loop's current batch runs only after the loop selected again.
        loop.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).syncUninterruptibly();
        finish();
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            onClosed.accept(this);
        }
    }
}
